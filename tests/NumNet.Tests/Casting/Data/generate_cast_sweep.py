#!/usr/bin/python3
"""Writes cast-sweep.json: NumPy's results for casts between every pair of numeric dtypes (raw bytes, hex), datetime and
timedelta unit conversions, number-to-string casts, and the can_cast / promote_types grids.

Run with Debian's NumPy 1.24 on x86-64 (/usr/bin/python3 generate_cast_sweep.py). Where NumPy 2 differs from 1.24 the
script leaves the case out (float16/float32 str() thresholds) instead of recording 1.24's answer.
"""
import json, warnings
import numpy as np

warnings.simplefilter("ignore")
NUMERIC = ["?", "b", "B", "h", "H", "i", "I", "l", "L", "e", "f", "d", "g", "F", "D", "G"]

INTS = [0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, 65535, 65536, 2**31 - 1, 2**31, -2**31,
        2**32 - 1, 2**32, 2**53 + 1, 2**63 - 1, -2**63, 2**63, 2**63 + 2**39 + 1, 2**64 - 1, 16777217, 2049, 2051]
FLOATS = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 1.7, 300.7, -300.7, float("nan"), float("inf"), float("-inf"),
          5e-324, 1e-310, 1e-40, 6e-8, 1e-8, 65504.0, 65519.99, 65520.0, 2049.0, 2051.0, 1 + 2**-11 + 2**-40,
          16777217.0, 1e10, -1e10, 3e9, -3e9, 2.0**31, 2.0**32, 2.0**63, -2.0**63, 2.0**64, 1e20, -1e20, 1e300, 0.1]
COMPLEX = [0j, complex(-0.0, -0.0), 1 + 2j, -3.5 - 1j, complex(float("nan"), 1), complex(float("inf"), -0.0),
           complex(1e20, 1e-20), complex(300.7, 7), complex(-1.5, float("inf"))]


def values_for(code):
    dt = np.dtype(code)
    if dt.kind == "b":
        return np.array([False, True, True, False] * 3, dtype=dt)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        vals = [v for v in INTS if info.min <= v <= info.max] + [info.min, info.max, info.min + 1, info.max - 1]
        return np.array(vals * 2, dtype=dt)
    if dt.kind == "f":
        return np.array(FLOATS, dtype=np.float64).astype(dt)
    return np.array(COMPLEX + [complex(v, 0.25) for v in FLOATS[:12]], dtype=np.complex128).astype(dt)


def hexof(a):
    return np.ascontiguousarray(a).tobytes().hex()


casts = []
for f in NUMERIC:
    src = values_for(f)
    for t in NUMERIC:
        contiguous = src.astype(t)
        padded = np.empty(len(src) * 2, dtype=src.dtype)
        padded[::2] = src
        strided = padded[::2].astype(t)
        swapped_src = src.astype(src.dtype.newbyteorder())
        swapped = swapped_src.astype(np.dtype(t).newbyteorder()).astype(t)
        casts.append({"from": f, "to": t, "input": hexof(src), "contiguous": hexof(contiguous),
                      "strided": hexof(strided), "swapped": hexof(swapped)})

SECONDS = {"Y": 365.2425 * 86400, "M": 365.2425 * 86400 / 12, "W": 7 * 86400, "D": 86400, "h": 3600, "m": 60, "s": 1,
           "ms": 1e-3, "us": 1e-6, "ns": 1e-9}
UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"]
DT_VALUES = [0, 1, -1, 2, -2, 59, -59, 61, -61, 1000, -1000, 86399, -86401, 12327, -12327, -719162, 400 * 365 + 97,
             -(400 * 365 + 97), np.iinfo(np.int64).min]
times = []
for kind in ["M8", "m8"]:
    for a in UNITS:
        for b in UNITS:
            src = np.array(DT_VALUES, dtype=f"{kind}[{a}]")
            # Keep values whose conversion stays far from int64 overflow (NumPy 1.24 wraps, NumPy 2 raises).
            with np.errstate(all="ignore"):
                dst = src.astype(f"{kind}[{b}]")
            ratio = SECONDS[a] / SECONDS[b]
            back_ok = [i for i, v in enumerate(DT_VALUES)
                       if v == np.iinfo(np.int64).min or abs(v * ratio) < 2.0**62]
            times.append({"kind": kind, "from": a, "to": b, "input": [DT_VALUES[i] for i in back_ok],
                          "expect": [int(dst.view("i8")[i]) for i in back_ok]})

texts = []
limits = {"e": 1e3, "f": 1e6}
for code in NUMERIC:
    src = values_for(code)
    out = src.astype("U")
    keep = []
    for i, v in enumerate(src):
        if code in limits:
            av = abs(float(v))
            if limits[code] <= av < 1e16:
                continue  # NumPy 2.3 prints these in scientific notation, 1.24 positionally
        if code in "FG" and any(limits["f"] <= abs(float(p)) < 1e16 for p in (v.real, v.imag)):
            continue
        keep.append(i)
    texts.append({"from": code, "input": hexof(src[keep]), "dtype": out.dtype.str, "expect": [str(x) for x in out[keep]]})

GRID = NUMERIC + [">i4", ">f8", ">c16", "S", "S3", "S21", "U", "U3", "U5", "U21", "U32", ">U3", "O", "V8",
                  "M8", "M8[D]", "M8[s]", "M8[Y]", "M8[ms]", "M8[2D]", ">M8[s]", "m8", "m8[D]", "m8[s]", "m8[Y]", "m8[M]", "m8[h]"]
RULES = ["no", "equiv", "safe", "same_kind", "unsafe"]
can_cast = []
promote = []
for a in GRID:
    for b in GRID:
        level = next((r for r in RULES if np.can_cast(a, b, r)), "never")
        can_cast.append([a, b, level])
        try:
            promote.append([a, b, np.promote_types(a, b).str])
        except TypeError:
            promote.append([a, b, "error"])

with open("cast-sweep.json", "w") as fh:
    json.dump({"generator": "generate_cast_sweep.py", "numpy_used": np.__version__, "casts": casts, "times": times,
               "texts": texts, "can_cast": can_cast, "promote": promote}, fh, separators=(",", ":"))
