"""Drives `sandpiper serve` with kqlmagic in a real Jupyter kernel (nbclient, headless) and checks what it shows.

Run by ServerTests/RealClientTests with the server's URL and database name; prints one JSON object whose
"failures" list is empty when every check held. The notebook connects with kqlmagic's anonymous connection
string (its schema popup sends `.show database ['DB'] schema`), runs a query and takes its DataFrame, and
renders a timechart as a plotly figure, once inline and once as a popup page with plotly.js embedded
(offline: no script is fetched). Expected values come from the KQL reference (range, extend, strcat), not
from the server. kqlmagic's version check and news (requests to PyPI) are turned off.
"""
import base64
import glob
import json
import os
import shutil
import sys
import tempfile

import nbformat
from nbclient import NotebookClient

url, db = sys.argv[1], sys.argv[2]
failures = []


def check(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}: {detail}")


work = tempfile.mkdtemp(prefix="sandpiper-kqlmagic-")
os.chdir(work)
os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(work, "runtime")
os.environ["IPYTHONDIR"] = os.path.join(work, "ipython")
os.environ["KQLMAGIC_CONFIGURATION"] = "check_magic_version=False;show_what_new=False;show_init_banner=False"

chart_query = "range t from datetime(2024-01-01) to datetime(2024-01-05) step 1d | extend v = 1.5 | render timechart"
cells = [
    "%reload_ext Kqlmagic",
    "%config Kqlmagic.short_errors=False",
    f"%kql azuredataexplorer://anonymous;cluster='{url}';database='{db}'",
    '%kql range x from 1 to 3 step 1 | extend y = x * 2, s = strcat("v", tostring(x))',
    "df = _kql_raw_result_.to_dataframe()\n"
    "print('DATAFRAME ' + df.to_json(orient='split') + ' ' + ','.join(str(t) for t in df.dtypes))",
    f"%kql {chart_query}",
    f"%kql -popup_window -plotly_fs_includejs {chart_query}",
]
notebook = nbformat.v4.new_notebook()
notebook.cells = [nbformat.v4.new_code_cell(c) for c in cells]
try:
    NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=True).execute()

    def outputs(i):
        return notebook.cells[i].get("outputs", [])

    def html(i):
        return " ".join(o.get("data", {}).get("text/html", "") for o in outputs(i))

    for i, cell in enumerate(notebook.cells):
        for o in outputs(i):
            if o.get("output_type") == "error":
                check(f"cell {i} raised", False, f"{o['ename']}: {o['evalue']}")
        # kqlmagic shows its own errors as an HTML box in this red.
        check(f"cell {i} shows an error", "#b94a48" not in html(i), html(i)[:500])

    # The connection's schema popup: a page of the database's tables and columns, from `.show database ['DB'] schema`.
    schema = glob.glob(f"kqlmagic/temp_files/*/_{db}_at_*_schema.html")
    check("schema page", len(schema) == 1, str(schema))
    page = open(schema[0], encoding="utf-8").read() if schema else ""
    check("schema lists StormEvents and its State column", "StormEvents" in page and "<b>State</b>" in page, page[:300])
    check("schema button", "popup schema" in html(2), html(2)[:300])

    # The query's DataFrame.
    printed = "".join(o.get("text", "") for o in outputs(4) if o.get("output_type") == "stream")
    line = next((l for l in printed.splitlines() if l.startswith("DATAFRAME ")), "")
    if line:
        frame_json, dtypes = line[len("DATAFRAME "):].rsplit(" ", 1)
        frame = json.loads(frame_json)
        check("columns", frame["columns"] == ["x", "y", "s"], frame["columns"])
        check("rows", frame["data"] == [[1, 2, "v1"], [2, 4, "v2"], [3, 6, "v3"]], frame["data"])
        check("dtypes", dtypes.split(",")[:2] == ["int64", "int64"], dtypes)
    else:
        check("dataframe printed", False, printed[:500])

    # render timechart inline: a plotly figure, a line over the five days with v = 1.5.
    figures = [o["data"]["application/vnd.plotly.v1+json"] for o in outputs(5)
               if "application/vnd.plotly.v1+json" in o.get("data", {})]
    check("one plotly figure", len(figures) == 1, [list(o.get("data", {})) for o in outputs(5)])
    if figures:
        trace = figures[0]["data"][0]

        def values(v):
            # plotly 6+ may send numbers as typed arrays (base64) instead of lists.
            if isinstance(v, dict) and "bdata" in v:
                import numpy
                return numpy.frombuffer(base64.b64decode(v["bdata"]), dtype=numpy.dtype(v["dtype"])).tolist()
            return v

        check("trace", trace.get("type") == "scatter" and trace.get("name") == "v", {k: trace.get(k) for k in ("type", "name")})
        check("x", [str(x)[:10] for x in values(trace.get("x"))] ==
              ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], trace.get("x"))
        check("y", values(trace.get("y")) == [1.5] * 5, trace.get("y"))
        check("x axis is time", figures[0]["layout"]["xaxis"]["type"] == "date", figures[0]["layout"].get("xaxis"))

    # The same chart as a popup page, plotly.js inside it: nothing is loaded from the network.
    charts = [p for p in glob.glob("kqlmagic/temp_files/*/*.html") if not p.endswith("_schema.html")]
    check("chart page", len(charts) == 1, str(charts))
    if charts:
        chart = open(charts[0], encoding="utf-8").read()
        check("plotly.js embedded", "plotly.js v" in chart and "<script src=" not in chart, len(chart))
        check("chart title", "timechart" in chart)
finally:
    os.chdir("/")
    shutil.rmtree(work, ignore_errors=True)

print(json.dumps({"failures": failures}))
