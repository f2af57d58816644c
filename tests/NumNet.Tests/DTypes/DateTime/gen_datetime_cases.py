#!/usr/bin/env python3
"""Writes datetime_cases.jsonl, the NumPy reference data DateTimeTests checks NumNet's datetime64/timedelta64
machinery against.

Run with a NumPy installation (1.24 or 2.x):  python3 gen_datetime_cases.py [output-path]

Each line is a JSON array whose first element names the kind of case; the remaining layout per kind is documented
next to the function that writes it. Expected errors are written as ["err", ".NET exception type"], mapping
NumPy's exceptions the way the project does (ValueError and non-conversion TypeError -> ArgumentException,
promotion TypeError -> InvalidCastException, OverflowError -> OverflowException).

The data describes NumPy 2.5. Where NumPy 1.24 behaves differently the expectation is derived from the 1.24 result
plus the 2.5 rule:
  * 2.5 raises OverflowError when a linear unit conversion (or a multiplier when breaking a datetime down into its
    fields) overflows int64, where 1.24 silently wrapped; the generator replays 2.5's check to decide.
  * Timezone suffixes warn with UserWarning in 2.x and DeprecationWarning in 1.24; only "warned or not" is kept.
"""
import json
import random
import sys
import warnings
from fractions import Fraction

import numpy as np

try:
    from numpy._core import arrayprint
except ImportError:  # NumPy 1.x
    from numpy.core import arrayprint

INT64_MIN = -2 ** 63
INT64_MAX = 2 ** 63 - 1
NAT = INT64_MIN
UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"]
SPECIFIC = UNITS[:-1]
STEP_TO_NEXT = [1, 1, 7, 24, 60, 60, 1000, 1000, 1000, 1000, 1000, 1000, 1, 0]
TOP_BYTE = 0xFF00000000000000
U64 = 2 ** 64

rng = random.Random(20240601)
out_lines = []


def emit(*fields):
    out_lines.append(json.dumps(list(fields), ensure_ascii=False))


def split_meta(meta):
    """'25s' -> ('s', 25); 'generic' -> ('generic', 1)."""
    digits = ""
    while meta and meta[0].isdigit():
        digits, meta = digits + meta[0], meta[1:]
    return meta, int(digits) if digits else 1


def meta_text(unit, num):
    if unit == "generic":
        return "generic"
    return unit if num == 1 else f"{num}{unit}"


def datetime_array(values, meta):
    """A datetime64 array holding exactly these counts (a view, since NumPy refuses integers for generic units)."""
    return np.array(values, np.int64).view(dtype_of("M", meta))


def dtype_of(kind, meta):
    return np.dtype(f"{kind}8" if meta == "generic" else f"{kind}8[{meta}]")


def error_name(exc):
    if isinstance(exc, OverflowError):
        return "OverflowException"
    if isinstance(exc, TypeError) and "common metadata divisor" in str(exc):
        return "InvalidCastException"
    if isinstance(exc, TypeError) and str(exc).startswith("Cannot parse"):
        return "InvalidCastException"
    if isinstance(exc, (ValueError, TypeError)):
        return "ArgumentException"
    raise exc


def run(fn):
    """Calls fn, returning (result, warned, error-name-or-None)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - mapped below
            return None, bool(caught), error_name(exc)
    return result, bool(caught), None


# --- NumPy's integer conversion factor, replayed to know when NumPy 2.5 raises -------------------------------

def units_factor(big, little):
    factor = 1
    for i in range(UNITS.index(big), UNITS.index(little)):
        factor = (factor * STEP_TO_NEXT[i]) % U64
        if factor & TOP_BYTE:
            return 0
    return factor


def conversion_factor(src, dst):
    """(num, denom) NumPy uses to convert counts; None when NumPy reports a factor overflow."""
    (su, sn), (du, dn) = split_meta(src), split_meta(dst)
    if su == "generic":
        return 1, 1
    swapped = UNITS.index(su) > UNITS.index(du)
    a, b = (du, su) if swapped else (su, du)
    num, den = 1, 1
    if a != b:
        if a == "Y" and b == "M":
            num = 12
        elif a in ("Y", "M"):
            num, den = 146097, 400 * (1 if a == "Y" else 12)
            if b == "W":
                den *= 7
            else:
                num = (num * units_factor("D", b)) % U64
        else:
            num = units_factor(a, b)
    if num == 0:
        return None
    if swapped:
        num, den = den, num
    num, den = (num * sn) % U64, (den * dn) % U64
    g = gcd(num, den)
    num, den = num // g, den // g
    # NumPy stores the reduced fraction in int64.
    num = num - U64 if num > INT64_MAX else num
    den = den - U64 if den > INT64_MAX else den
    return num, den


def gcd(x, y):
    while y:
        x, y = y, x % y
    return x


def scale_overflows(value, num, den):
    """NumPy 2.5's check before it applies num/den to a count."""
    if value == NAT:
        return False
    if num <= 0 or den <= 0:
        return True
    pos_limit = INT64_MAX // num
    neg_limit = (INT64_MAX - den + 1) // num
    return value > pos_limit or value < -neg_limit


def wrap64(value):
    return (value + 2 ** 63) % U64 - 2 ** 63


# NumPy 1.24 and 2.5 compute the same calendar except where int64 arithmetic overflows inside it: 1.24 turned day
# counts within 10957 of INT64_MIN into garbage years (2.5 fixed this), and the two versions wrap differently when
# a year beyond about 2.5e16 is turned into days. Such cases are left out, since 1.24 cannot tell what 2.5 does.
HUGE_YEAR = 25 * 10 ** 15


def breakdown_differs(value, meta):
    unit, num = split_meta(meta)
    if value == NAT or unit not in ("D", "W"):
        return False
    days = value * num if unit == "D" else wrap64(value * num * 7)
    return days < INT64_MIN + 10957


def year_from_count(value, meta):
    unit, num = split_meta(meta)
    if unit == "Y":
        return wrap64(1970 + value * num)
    return 1970 + (value * num) // 12


def builds_days_from_huge_year(year, unit):
    return unit not in ("Y", "M", "generic") and abs(year) >= HUGE_YEAR


def fields_overflow(value, meta):
    """NumPy 2.5 raises when a multiplier > 1 pushes a datetime count out of range while breaking it down."""
    unit, num = split_meta(meta)
    return num > 1 and value != NAT and scale_overflows(value, num, 1)


# --- value pools --------------------------------------------------------------------------------------------

SECONDS_PER = {"W": 604800, "D": 86400, "h": 3600, "m": 60, "s": 1}


def unit_seconds(unit):
    if unit in SECONDS_PER:
        return Fraction(SECONDS_PER[unit])
    if unit == "Y":
        return Fraction(146097 * 86400, 400)
    if unit == "M":
        return Fraction(146097 * 86400, 4800)
    return Fraction(1, 10 ** (3 * (["ms", "us", "ns", "ps", "fs", "as"].index(unit) + 1)))


def values_for(meta, count):
    unit, num = split_meta(meta)
    pool = [0, 1, -1, 7, -7, 1000, -1000, NAT]
    if unit != "generic":
        per_year = Fraction(146097 * 86400, 400) / (unit_seconds(unit) * num)
        for years in (1, 30, 300, 3000, 12000, 300000):
            limit = int(per_year * years)
            if 0 < limit < INT64_MAX:
                pool.append(rng.randint(-limit, limit))
                pool.append(rng.randint(-limit, limit))
    pool += [rng.randint(INT64_MIN + 1, INT64_MAX) for _ in range(2)]
    pool += [INT64_MAX, INT64_MIN + 1, 2 ** 40, -(2 ** 40)]
    rng.shuffle(pool)
    return pool[:count] + [NAT]


METAS = SPECIFIC + ["25s", "7D", "3M", "2W", "10Y", "100ns", "1000ms", "3h", "250us", "5m", "4fs", "generic"]


# --- kinds --------------------------------------------------------------------------------------------------

def gen_metadata():
    """["meta", bracketText, ["ok", unit, multiplier, str-suffix] | ["err", type]]: DateTimeMetadata.ParseBracket."""
    texts = ["", "[generic]", "[3generic]", "[]", "[ ]", "[xs]", "[B]", "[ns]x", "ns", "[ns", "ns]", "[[ns]]",
             "[0s]", "[-1s]", "[+5s]", "[ 5s]", "[5 s]", "[5s ]", "[05s]", "[μs]", "[µs]", "[2147483647s]",
             "[2147483648s]", "[99999999999999999999s]", "[30m/2]", "[2W/7]", "[1Y/12]", "[Y/5]", "[1W/11]",
             "[2M/3]", "[1Y/7]", "[1h/7]", "[5s/ 2]", "[5s/2 ]", "[5s/-2]", "[1D/7]", "[3s/1000]", "[3as/3]",
             "[3fs/1000]", "[3fs/1000000]", "[3m/120]", "[3m/7]", "[generic/2]", "[Y/1]", "[s/]", "[/2]",
             "[25/s]", "[1W/5040]", "[7M/4]", "[1D/86400]", "[2h/3600]", "[1ps/1000000]", "[Y]/", "[s]]",
             "[1.5s]", "[S]", "[Ms]", "[mS]", "[us/1000]", "[ns/3]", "[Generic]", "[GENERIC]", "[1e3s]"]
    for unit in UNITS:
        texts += [f"[{unit}]", f"[7{unit}]", f"[{unit}/2]", f"[{unit}/60]", f"[{unit}/1000]"]
    for text in texts:
        dt, _, err = run(lambda: np.dtype("M8" + text))
        if err:
            emit("meta", text, ["err", err])
            continue
        unit, num = np.datetime_data(dt)
        emit("meta", text, ["ok", unit, num, dt.str[3:]])


def gen_unit_texts():
    """["unit", text, ["ok", unit, multiplier] | ["err", type]]: DateTimeMetadata.ParseUnit."""
    texts = ["s", "25s", "[25s]", "generic", "[generic]", "", "ns/2", "[ns/2]", " 5s", "5 s", "+3D", "μs", "-1s",
             "Y", "M", "m", "xs", "3generic", "[30m/2]", "07h"]
    for text in texts:
        dt, _, err = run(lambda: np.datetime64("NaT", text).dtype)
        if err:
            emit("unit", text, ["err", err])
        else:
            unit, num = np.datetime_data(dt)
            emit("unit", text, ["ok", unit, num])


def random_iso(rng_):
    year = rng_.choice([rng_.randint(1, 9999), rng_.randint(1900, 2100), rng_.randint(-30000, 30000),
                        rng_.randint(0, 99), rng_.randint(10000, 2000000)])
    ytext = f"{year:04d}" if year >= 0 else "-" + f"{-year:03d}"
    if rng_.random() < 0.1:
        ytext = "+" + ytext.lstrip("-")
    month = rng_.randint(1, 12)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    day = rng_.randint(1, days)
    parts = [ytext, f"-{month:02d}", f"-{day:02d}", rng_.choice("T ") + f"{rng_.randint(0, 23):02d}",
             f":{rng_.randint(0, 59):02d}", f":{rng_.randint(0, 59):02d}"]
    depth = rng_.randint(1, 7)
    text = "".join(parts[:min(depth, 6)])
    if depth == 7:
        text += "." + "".join(rng_.choice("0123456789") for _ in range(rng_.randint(0, 18)))
    if depth >= 4 and rng_.random() < 0.2:
        text += rng_.choice(["Z", "+05:30", "-0800", "+01", "-12:45", " ", "Z ", "+23:59", "-00:01"])
    if rng_.random() < 0.05:
        text = " " + text
    return text


def leading_year(text):
    """The year NumPy's parser accumulates (wrapping in int64), negated only when the text starts with '-'."""
    rest = text.lstrip(" \t\n\v\f\r")
    rest = rest[1:] if rest[:1] in ("-", "+") else rest
    digits = ""
    while rest[:1].isdigit() and rest[:1].isascii():
        digits, rest = digits + rest[0], rest[1:]
    year = wrap64(int(digits)) if digits else 0
    return wrap64(-year) if text.startswith("-") else year


def gen_parse():
    """["parse", text, unitOrNull, ["ok", value, unitText, warned] | ["err", type]]: DateTimes.Parse."""
    fixed = ["2003", "2003-10", "2003-10-02", "2003-10-02T12", "2003-10-02 12", "2003-10-02T12:34",
             "2003-10-02T12:34:56", "2003-10-02T12:34:56.7", "2003-10-02T12:34:56.789",
             "2003-10-02T12:34:56.7890", "2003-10-02T12:34:56.789012", "2003-10-02T12:34:56.7890123",
             "2003-10-02T12:34:56.789012345", "2003-10-02T12:34:56.7890123456",
             "2003-10-02T12:34:56.789012345678", "2003-10-02T12:34:56.7890123456789",
             "2003-10-02T12:34:56.789012345678901234", "2003-10-02T12:34:56.7890123456789012345",
             "2003-10-02T12:34:56.", "1970-01-01T00:00:01.123456789012345678", "NaT", "nat", "NAT", "nAt", "",
             " NaT", "NaT ", "1", "-1", "--01", " -2003", "+2003", "-0001-01-01", "10000-01-01", "-10000-12-31",
             "2003-02-29", "2004-02-29", "1900-02-29", "2000-02-29", "2003-02-30", "2003-13-01", "2003-00-10",
             "2003-10-00", "2003-10-32", "2003-10-02T24", "2003-10-02T23:60", "2003-10-02T23:59:60",
             "2003-10-02T12Z", "2003-10-02T12 ", "2003-10-02T12:00+0530", "2003-10-02T12:00+05:30",
             "2003-10-02T12:00-05:30", "2003-10-02T00:30+01:00", "2003-01-01T00:00+00:01",
             "2003-12-31T23:59-00:01", "2004-02-28T23:30-01:00", "2003-10-02T12:00+24:00",
             "2003-10-02T12:00+05:60", "2003-10-02T12:00+5", "2003-10-02T12:00+05 ", "2003-10-02T12:00Zx",
             "2003-10-02T12:00Z+01", "2003-10-02Z", "2003-10-02T", "2003-10-02T1", "2003-10-02T12:",
             "2003-10-02T12:3", "2003-10-02T12:34:", "2003-10-02x", "2003-1-02", "2003-10-2", "2003-", "-",
             "+", " ", "T12", "2003 ", " 2003", "2003-10-02T12:34:56.789 ", "2003-10-02\t12", "abc",
             "2003/10/02", "２００３", "2003-10-02T12:34:56.789Z", "2003-10-02T12:34:56,789",
             "99999999999999999999", "2003-10-02t12", "9223372036854775807"]
    texts = fixed + [random_iso(rng) for _ in range(260)]
    units = [None] + SPECIFIC + ["generic", "25s", "7D", "3M"]
    for text in texts:
        for unit in units:
            if unit is not None and text not in fixed[:30] and rng.random() < 0.6:
                continue
            if unit is None:
                value, warned, err = run(lambda: np.datetime64(text))
            elif unit == "generic":
                value, warned, err = run(lambda: np.datetime64(text, "generic"))
            else:
                value, warned, err = run(lambda: np.array([text], dtype_of("M", unit))[0])
            if err:
                emit("parse", text, unit, ["err", err])
                continue
            u, n = np.datetime_data(value.dtype)
            if builds_days_from_huge_year(leading_year(text), u):
                continue
            emit("parse", text, unit, ["ok", int(value.astype(np.int64)), meta_text(u, n), warned])


def gen_format():
    """["fmt", value, meta, text | ["err", type]]: DateTimes.Format (str() of the scalar)."""
    for meta in METAS:
        for value in values_for(meta, 24):
            if meta == "generic" and value != NAT:
                emit("fmt", value, meta, ["err", "ArgumentException"])
                continue
            if fields_overflow(value, meta):
                emit("fmt", value, meta, ["err", "OverflowException"])
                continue
            if breakdown_differs(value, meta):
                continue
            emit("fmt", value, meta, str(datetime_array([value], meta)[0]))
    # datetime_as_string with an explicit unit.
    for meta in SPECIFIC:
        for value in values_for(meta, 3):
            for unit in SPECIFIC:
                if fields_overflow(value, meta) or breakdown_differs(value, meta):
                    continue
                arr = np.array([value], dtype_of("M", meta))
                emit("fmtunit", value, meta, unit, str(np.datetime_as_string(arr, unit=unit, casting="unsafe")[0]))


def gen_casts():
    """["castM"|"castm", value, from, to, ["ok", value] | ["err", type]]: DateTimes.Cast / TimeDeltas.Cast."""
    metas = SPECIFIC + ["25s", "7D", "3M", "2W", "10Y", "100ns", "3h", "generic"]
    for kind in "Mm":
        for src in metas:
            for dst in metas:
                for value in values_for(src, 5):
                    if kind == "M" and calendar_differs(value, src, dst):
                        continue
                    expect = cast_expectation(kind, value, src, dst)
                    emit("cast" + kind, value, src, dst, expect)


def calendar_differs(value, src, dst):
    (su, _), (du, _) = split_meta(src), split_meta(dst)
    if su not in ("Y", "M") and du not in ("Y", "M"):
        return False
    if value == NAT or fields_overflow(value, src):
        return False
    if su in ("Y", "M"):
        return builds_days_from_huge_year(year_from_count(value, src), du)
    return breakdown_differs(value, src)


def cast_expectation(kind, value, src, dst):
    if src == dst:
        return ["ok", value]
    if dst == "generic" and src != "generic":
        return ["err", "ArgumentException"]
    factor = conversion_factor(src, dst)
    if factor is None:
        return ["err", "OverflowException"]
    nonlinear = kind == "M" and (split_meta(src)[0] in ("Y", "M") or split_meta(dst)[0] in ("Y", "M"))
    if nonlinear:
        if split_meta(src)[0] == "generic" and value != NAT:
            return ["err", "ArgumentException"]
        if fields_overflow(value, src):
            return ["err", "OverflowException"]
    elif scale_overflows(value, *factor):
        return ["err", "OverflowException"]
    source = datetime_array([value], src) if kind == "M" else np.array([value], dtype_of(kind, src))
    result, _, err = run(lambda: source.astype(dtype_of(kind, dst)))
    if err:
        return ["err", err]
    return ["ok", int(result.astype(np.int64)[0])]


def gen_can_cast():
    """["cancast", kind, from, to, [no, equiv, safe, same_kind, unsafe]]: DateTimeMetadata.CanCast*Units."""
    metas = SPECIFIC + ["generic", "1000ms", "2001ms", "2s", "1000000us", "1000generic", "7D", "2W", "12M",
                        "3Y", "36M", "60s", "2h", "120m", "1000as", "999999999ns"]
    for kind in "Mm":
        for src in metas:
            for dst in metas:
                a, b = dtype_of(kind, src), dtype_of(kind, dst)
                flags = [bool(np.can_cast(a, b, c)) for c in ("no", "equiv", "safe", "same_kind", "unsafe")]
                emit("cancast", kind, src, dst, flags)


def gen_promote():
    """["promote", kindA, metaA, kindB, metaB, ["ok", kind, meta] | ["err", type]]: DateTimeMetadata.Promote."""
    metas = SPECIFIC + ["generic", "3Y", "7D", "25s", "2h", "3m", "10ms", "6M", "4W"]
    for ka in "Mm":
        for kb in "Mm":
            for a in metas:
                for b in metas:
                    dt, _, err = run(lambda: np.result_type(dtype_of(ka, a), dtype_of(kb, b)))
                    if err:
                        emit("promote", ka, a, kb, b, ["err", err])
                    else:
                        u, n = np.datetime_data(dt)
                        emit("promote", ka, a, kb, b, ["ok", dt.kind, meta_text(u, n)])


def gen_timedelta_text():
    """["tdstr", value, meta, text] (str of the scalar) and ["tdparse", text, ["ok", v] | ["err", type]]."""
    for meta in METAS:
        for value in values_for(meta, 12):
            emit("tdstr", value, meta, str(np.timedelta64(value, meta) if meta != "generic" else np.timedelta64(value)))
    texts = ["5", "-5", "+5", " 5", "5 ", "\t-7", "", "NaT", "nat", "NAT", " NaT", "abc", "5.0", "1e3", "0x10",
             "99999999999999999999", "-99999999999999999999", "9223372036854775807", "-9223372036854775808",
             "-9223372036854775807", "00012", "+", "-", " ", "١٢", "12a", "--5"]
    for text in texts:
        value, _, err = run(lambda: np.array([text], "m8[D]"))
        emit("tdparse", text, ["err", err] if err else ["ok", int(value.astype(np.int64)[0])])


def gen_array_format():
    """["arrM"|"arrm", [values], meta, [element texts]]: DateTimes/TimeDeltas.FormatArrayElements."""
    for meta in METAS:
        for _ in range(5):
            size = rng.randint(1, 6)
            pool = values_for(meta, 30)
            for kind in "Mm":
                values = [rng.choice(pool) for _ in range(size)]
                if kind == "M":
                    bad = lambda v: fields_overflow(v, meta) or breakdown_differs(v, meta)  # noqa: E731
                    values = [NAT] * size if meta == "generic" else [v for v in values if not bad(v)] or [NAT]
                arr = datetime_array(values, meta) if kind == "M" else np.array(values, dtype_of(kind, meta))
                fmt = arrayprint.DatetimeFormat(arr, legacy=sys.maxsize) if kind == "M" else arrayprint.TimedeltaFormat(arr)
                emit("arr" + kind, values, meta, [fmt(x) for x in arr])


def gen_iso_lengths():
    """["isolen", unit, characters]: DateTimes.GetIsoStringLength."""
    for unit in UNITS:
        arr = np.array(["NaT"], dtype_of("M", unit))
        emit("isolen", unit, arr.astype("U").dtype.itemsize // 4)


def gen_dotnet():
    """
    ["fromdt", isoText(100ns), meta, ["ok", v] | ["err", type]]: DateTimes.FromDateTime of that wall-clock time.
    ["todt", value, meta, ["ok", isoText(100ns)] | ["err", type]]: DateTimes.ToDateTime.
    ["fromts", ticks, meta, ["ok", v] | ["err", type]] and ["tots", value, meta, ["ok", ticks] | ["err", type]].
    """
    tick = Fraction(1, 10 ** 7)
    for _ in range(120):
        year = rng.choice([rng.randint(1, 9999), rng.randint(1900, 2100), 1, 9999, 1969, 1970])
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        frac = rng.randint(0, 10 ** 7 - 1)
        iso = f"{year:04d}-{month:02d}-{day:02d}T{h:02d}:{mi:02d}:{s:02d}.{frac:07d}"
        for meta in SPECIFIC + ["25s", "7D", "3M", "100ns"]:
            unit, num = split_meta(meta)
            if unit in ("Y", "M"):
                y = year - 1970
                count = y if unit == "Y" else 12 * y + month - 1
                count = count // num
            else:
                days = int(np.array([iso[:10]], "M8[D]").astype(np.int64)[0])
                seconds = Fraction(days * 86400 + h * 3600 + mi * 60 + s) + frac * tick
                count = (seconds / (unit_seconds(unit) * num)).__floor__()
            if count < INT64_MIN + 1 or count > INT64_MAX:
                emit("fromdt", iso, meta, ["err", "OverflowException"])
            else:
                emit("fromdt", iso, meta, ["ok", int(count)])
    for meta in SPECIFIC + ["25s", "7D", "3M", "100ns", "generic"]:
        for value in values_for(meta, 10):
            if meta == "generic" or value == NAT:
                emit("todt", value, meta, ["err", "ArgumentException"])
                continue
            if fields_overflow(value, meta):
                emit("todt", value, meta, ["err", "OverflowException"])
                continue
            arr = np.array([value], dtype_of("M", meta))
            year = year_of(value, meta)
            if year < 1 or year > 9999:
                emit("todt", value, meta, ["err", "ArgumentOutOfRangeException"])
                continue
            text = np.datetime_as_string(arr, unit=meta_unit_at_least_ns(meta))[0]
            emit("todt", value, meta, ["ok", truncate_to_ticks(str(text))])
    for meta in SPECIFIC + ["25s", "7D", "100ns", "generic"]:
        for ticks in [0, 1, -1, 10 ** 7, -(10 ** 7) - 1, rng.randint(-10 ** 18, 10 ** 18), INT64_MAX, -INT64_MAX,
                      rng.randint(-10 ** 12, 10 ** 12), 864000000000 * 3 + 5]:
            if meta == "generic" or split_meta(meta)[0] in ("Y", "M"):
                emit("fromts", ticks, meta, ["err", "ArgumentException"])
                continue
            emit("fromts", ticks, meta, cast_expectation("m", ticks, "100ns", meta))
        for value in values_for(meta, 6):
            if meta == "generic" or split_meta(meta)[0] in ("Y", "M") or value == NAT:
                emit("tots", value, meta, ["err", "ArgumentException"])
                continue
            emit("tots", value, meta, cast_expectation("m", value, meta, "100ns"))


def year_of(value, meta):
    unit, num = split_meta(meta)
    total = value * num
    if unit == "Y":
        return 1970 + total
    if unit == "M":
        return 1970 + total // 12
    seconds = total * unit_seconds(unit)
    days = (seconds / 86400).__floor__()
    # Civil year of a day count, via NumPy on a day value that always fits.
    return int(str(np.datetime64(int(days), "D"))[:-6]) if abs(days) < 2 ** 40 else 10 ** 9


def meta_unit_at_least_ns(meta):
    unit, _ = split_meta(meta)
    return unit if UNITS.index(unit) >= UNITS.index("ns") else "ns"


def truncate_to_ticks(text):
    # "2003-10-02T12:34:56.123456789[...]" -> 7 fraction digits, which is what a .NET tick can hold.
    head, frac = text.split(".")
    return head + "." + frac[:7]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "datetime_cases.jsonl"
    for gen in (gen_metadata, gen_unit_texts, gen_parse, gen_format, gen_casts, gen_can_cast, gen_promote,
                gen_timedelta_text, gen_array_format, gen_iso_lengths, gen_dotnet):
        gen()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f'["header", "numpy {np.__version__}", {len(out_lines)}]\n')
        handle.write("\n".join(out_lines) + "\n")
    print(f"wrote {len(out_lines)} cases to {path}")


if __name__ == "__main__":
    main()
