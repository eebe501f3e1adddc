import Columnar

/// The datetime family: clocks, calendar parts, rounding, arithmetic and formatting of datetimes and timespans.
enum DateTimeFunctions {
    static let all = FunctionFamily(
        "datetime",
        [
            .scalar(
                NowFunction(), "The current UTC time (fixed for the whole query), optionally offset by a timespan.",
                example: "print now()"),
            .scalar(AgoFunction(), "The current UTC time minus a timespan.", example: "print ago(1h)"),
            .scalar(
                BinFunction(name: "bin"), "A value rounded down to a multiple of a bin size.",
                example: "print bin(7, 5)"),
            .scalar(BinFunction(name: "floor"), "Alias of bin().", example: "print floor(7.5, 1)"),
            .scalar(
                BinAtFunction(), "A value rounded down into bins of a size aligned to a fixed point.",
                example: "print bin_at(datetime(2024-01-01 10:17), 1h, datetime(2024-01-01 00:30))"),
            .binder(
                "bin_auto", "A value rounded down into bins whose size and fixed point the script set beforehand.",
                example: "set query_bin_auto_size=5; print bin_auto(7)"),
            .scalar(
                StartOfFunction.startofday, "The start of the day holding a datetime, optionally offset by days.",
                example: "print startofday(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.startofweek, "The start of the week (Sunday) holding a datetime, optionally offset.",
                example: "print startofweek(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.startofmonth, "The start of the month holding a datetime, optionally offset.",
                example: "print startofmonth(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.startofyear, "The start of the year holding a datetime, optionally offset.",
                example: "print startofyear(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.endofday, "The last tick of the day holding a datetime, optionally offset.",
                example: "print endofday(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.endofweek, "The last tick of the week holding a datetime, optionally offset.",
                example: "print endofweek(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.endofmonth, "The last tick of the month holding a datetime, optionally offset.",
                example: "print endofmonth(datetime(2024-03-05 10:30))"),
            .scalar(
                StartOfFunction.endofyear, "The last tick of the year holding a datetime, optionally offset.",
                example: "print endofyear(datetime(2024-03-05 10:30))"),
            .scalar(
                DatetimeAddFunction(), "A datetime moved by a count of calendar periods (months, days, hours, ...).",
                example: "print datetime_add('month', 1, datetime(2024-01-31))"),
            .scalar(
                DatetimeDiffFunction(), "The number of period boundaries between two datetimes.",
                example: "print datetime_diff('day', datetime(2024-01-10), datetime(2024-01-01))"),
            .scalar(
                DatetimePartFunction(), "One calendar part (year, month, hour, ...) of a datetime, as an integer.",
                example: "print datetime_part('hour', datetime(2024-01-01 13:45))"),
            .scalar(
                DayOfFunction.dayofweek, "Days since the preceding Sunday, as a timespan.",
                example: "print dayofweek(datetime(2024-03-06))"),
            .scalar(
                DayOfFunction.dayofmonth, "The day of the month, 1 to 31.",
                example: "print dayofmonth(datetime(2024-03-06))"),
            .scalar(
                DayOfFunction.dayofyear, "The day of the year, 1 to 366.",
                example: "print dayofyear(datetime(2024-03-06))"),
            .scalar(DayOfFunction.getyear, "The year of a datetime.", example: "print getyear(datetime(2024-03-06))"),
            .scalar(
                DayOfFunction.getmonth, "The month of a datetime, 1 to 12.",
                example: "print getmonth(datetime(2024-03-06))"),
            .scalar(
                DayOfFunction.monthofyear, "The month of a datetime, 1 to 12.",
                example: "print monthofyear(datetime(2024-03-06))"),
            .scalar(
                DayOfFunction.hourofday, "The hour of a datetime, 0 to 23.",
                example: "print hourofday(datetime(2024-03-06 17:00))"),
            .scalar(
                DayOfFunction.week_of_year, "The ISO 8601 week number (week 1 holds the year's first Thursday).",
                example: "print week_of_year(datetime(2020-12-31))"),
            .scalar(
                DayOfFunction.weekofyear, "The obsolete week number whose week 1 holds the year's first Wednesday.",
                example: "print weekofyear(datetime(2020-12-31))"),
            .scalar(
                DatetimeZoneConversionFunction.utcToLocal,
                "A UTC datetime as the wall-clock time of an IANA time zone.",
                example: "print datetime_utc_to_local(datetime(2022-07-11 22:18), 'US/Pacific')"),
            .scalar(
                DatetimeZoneConversionFunction.localToUtc,
                "The UTC datetime of a wall-clock time in an IANA time zone.",
                example: "print datetime_local_to_utc(datetime(2020-02-02 20:02:20), 'Europe/Paris')"),
            .scalar(
                FormatDatetimeFunction(), "A datetime as text in a format such as 'yyyy-MM-dd HH:mm'.",
                example: "print format_datetime(datetime(2024-03-06 17:05), 'yyyy-MM-dd HH:mm')"),
            .scalar(
                FormatTimespanFunction(), "A timespan as text in a format such as 'hh:mm:ss'.",
                example: "print format_timespan(90m, 'hh:mm:ss')"),
            .scalar(
                MakeDatetimeFunction(), "A datetime from year, month, day and optional hour, minute and second.",
                example: "print make_datetime(2024, 3, 6, 17, 5, 0)"),
            .scalar(
                MakeTimespanFunction(), "A timespan from days, hours, minutes and seconds (or hours and minutes).",
                example: "print make_timespan(1, 2, 3, 4)"),
            .scalar(
                UnixtimeFunction.seconds, "The datetime a count of seconds after the Unix epoch stands for.",
                example: "print unixtime_seconds_todatetime(1546300800)"),
            .scalar(
                UnixtimeFunction.milliseconds, "The datetime a count of milliseconds after the Unix epoch stands for.",
                example: "print unixtime_milliseconds_todatetime(1546300800000)"),
            .scalar(
                UnixtimeFunction.microseconds, "The datetime a count of microseconds after the Unix epoch stands for.",
                example: "print unixtime_microseconds_todatetime(1546300800000000)"),
            .scalar(
                UnixtimeFunction.nanoseconds, "The datetime a count of nanoseconds after the Unix epoch stands for.",
                example: "print unixtime_nanoseconds_todatetime(1546300800000000000)"),
        ])
}
