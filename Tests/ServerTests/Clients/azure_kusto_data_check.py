"""Drives `sandpiper serve` with the real azure-kusto-data client (from PyPI) and checks what it sees.

Run by ServerTests/RealClientTests with the server's URL, database name and token if any; prints one JSON object
whose "failures" list is empty when every check held. Expected values come from the KQL reference
(scalar data types, render operator, the management commands' pages), not from the server.
"""
import json
import sys
import datetime

import pandas as pd
from azure.kusto.data import KustoClient, KustoConnectionStringBuilder, ClientRequestProperties
from azure.kusto.data.exceptions import KustoApiError
from azure.kusto.data.helpers import dataframe_from_result_table

url, db = sys.argv[1], sys.argv[2]
# A third argument is the server's token (--token-file): sent as a bearer token, the way an HTTPS
# connection must authenticate (the client allows no authentication over http:// only).
token = sys.argv[3] if len(sys.argv) > 3 else None
client = KustoClient(
    KustoConnectionStringBuilder.with_token_provider(url, lambda: token) if token
    else KustoConnectionStringBuilder.with_no_authentication(url))
failures = []


def check(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}: {detail}")


# Every scalar type, a value and a null of each.
query = """
datatable(b:bool, i:int, l:long, r:real, m:decimal, dt:datetime, ts:timespan, g:guid, s:string, d:dynamic) [
  true, int(7), long(8), 1.5, decimal(2.25), datetime(2024-01-02 03:04:05.1234567), timespan(1.02:00:00), guid(74be27de-1e4e-49d9-b579-fe0b331d3642), "x", dynamic({"a":[1,2]}),
  bool(null), int(null), long(null), real(null), decimal(null), datetime(null), timespan(null), guid(null), "", dynamic(null)
]"""
response = client.execute_query(db, query)
table = response.primary_results[0]
check("types", [c.column_type for c in table.columns] ==
      ["bool", "int", "long", "real", "decimal", "datetime", "timespan", "guid", "string", "dynamic"],
      [c.column_type for c in table.columns])
row = table.rows[0]
check("row datetime", row["dt"] == datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=datetime.timezone.utc), repr(row["dt"]))
check("row timespan", row["ts"] == datetime.timedelta(days=1, hours=2), repr(row["ts"]))
check("row dynamic", row["d"] == {"a": [1, 2]}, repr(row["d"]))
check("row guid", row["g"] == "74be27de-1e4e-49d9-b579-fe0b331d3642", repr(row["g"]))
frame = dataframe_from_result_table(table, nullable_bools=True)
check("df rows", len(frame) == 2, len(frame))
check("df int", str(frame["i"].dtype) == "Int32" and frame["i"][0] == 7 and frame["i"].isna()[1], str(frame["i"]))
check("df long", str(frame["l"].dtype) == "Int64" and frame["l"][0] == 8 and frame["l"].isna()[1], str(frame["l"]))
check("df real", frame["r"][0] == 1.5 and frame["r"].isna()[1], str(frame["r"]))
check("df decimal", frame["m"][0] == 2.25 and frame["m"].isna()[1], str(frame["m"]))
check("df bool", bool(frame["b"][0]) is True and frame["b"].isna()[1], str(frame["b"]))
check("df datetime", frame["dt"][0] == pd.Timestamp("2024-01-02T03:04:05.1234567Z") and pd.isna(frame["dt"][1]), str(frame["dt"]))
check("df timespan", frame["ts"][0] == pd.Timedelta(days=1, hours=2) and pd.isna(frame["ts"][1]), str(frame["ts"]))
check("df string", frame["s"][0] == "x" and frame["s"][1] == "", str(frame["s"]))
check("df dynamic", frame["d"][0] == {"a": [1, 2]} and frame["d"][1] is None, str(frame["d"]))

# Query parameters through ClientRequestProperties.
properties = ClientRequestProperties()
properties.set_parameter("n", "3")
properties.set_parameter("who", "it's me")
properties.set_option("servertimeout", datetime.timedelta(minutes=1))
answer = client.execute_query(db, "declare query_parameters(n:long, who:string); range x from 1 to n step 1 | extend who", properties)
check("parameters", [list(r) for r in answer.primary_results[0].rows] == [[1, "it's me"], [2, "it's me"], [3, "it's me"]],
      [list(r) for r in answer.primary_results[0].rows])

# render: the Visualization row of the QueryProperties table names the result's table.
rendered = client.execute_query(db, "range x from 1 to 3 step 1 | extend y = x | render timechart with (title='Trend')")
properties_table = next(t for t in rendered.tables if t.table_kind.value == "QueryProperties")
visual = [r for r in properties_table.rows if r["Key"] == "Visualization"]
check("render row", len(visual) == 1, len(visual))
if visual:
    value = visual[0]["Value"]
    value = json.loads(value) if isinstance(value, str) else value
    check("render kind", value.get("Visualization") == "timechart" and value.get("Title") == "Trend", value)
    check("render table id", visual[0]["TableId"] == rendered.primary_results[0].table_id, visual[0]["TableId"])

# A management command through /v1/rest/mgmt: exactly one table.
tables = client.execute_mgmt(db, ".show tables")
names = [r["TableName"] for r in tables.primary_results[0]]
check("mgmt", names == ["Events", "StormEvents", "Customers", "Sales"], names)
check("mgmt columns", [c.column_name for c in tables.primary_results[0].columns] == ["TableName", "DatabaseName", "Folder", "DocString"])
databases = client.execute_mgmt(db, ".show databases")
check("databases", databases.primary_results[0].rows[0]["DatabaseName"] == db)

# Errors: a parse error and a bad command are KustoApiError with the catalogued code inside.
for text, code in [("print x = ", "E_PARSE"), ("Nope | count", "E_UNKNOWN_NAME")]:
    try:
        client.execute_query(db, text)
        check("error " + text, False, "no exception")
    except KustoApiError as e:
        error = e.get_api_error()
        check("error " + text, error.code == "General_BadRequest" and error.permanent is True, (error.code, error.permanent))
        check("error code " + text, code in json.dumps(e.get_raw_http_response().json()), e.get_raw_http_response().text[:300])
try:
    client.execute_mgmt(db, ".show nothing")
    check("mgmt error", False, "no exception")
except KustoApiError:
    pass

print(json.dumps({"failures": failures}))
