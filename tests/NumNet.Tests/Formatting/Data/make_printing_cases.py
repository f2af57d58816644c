"""Generates printing-cases.json: repr/str of arrays under various print options.

Run with NumPy 1.24 (Debian's /usr/bin/python3). The repr is rebuilt with NumPy 2's rules for the shape=/dtype=
extras (shape shown for summarized arrays, non-native dtypes named), from the body NumPy 1.24 prints; the cases
avoid what else changed in NumPy 2 (float16/float32 exponent cutoffs, sign for integers).
"""
import json
import math
import numpy as np

def enc(x, dt):
    if dt.kind == 'b':
        return bool(x)
    if dt.kind in 'iu':
        return int(x)
    if dt.kind == 'f':
        if dt.itemsize > 8:
            return {"ld": np.format_float_scientific(x, unique=True)}
        x = float(x)
        if math.isnan(x): return {"f": "nan"}
        if math.isinf(x): return {"f": "inf" if x > 0 else "-inf"}
        return x
    if dt.kind == 'c':
        return {"complex": [enc(x.real, np.dtype(dt.char.lower() if False else 'f8')), enc(x.imag, np.dtype('f8'))]}
    if dt.kind == 'U':
        return str(x)
    if dt.kind == 'S':
        return {"bytes": bytes(x).decode('latin-1')}
    if dt.kind == 'M':
        return {"dt": str(np.datetime_as_string(x))}
    if dt.kind == 'm':
        return {"td": ["NaT" if np.isnat(x) else int(x.astype('i8')), "x"]}
    if dt.kind == 'O':
        return x
    raise ValueError(dt)

def implied(dt):
    return dt.isnative and dt.type in (np.int_, np.float64, np.complex128, np.bool_)

def short(dt):
    if issubclass(dt.type, np.flexible) or not dt.isnative:
        return "'%s'" % str(dt)
    n = dt.name
    return n if (n[0].isalpha() and n.isalnum()) else repr(n)

def repr2(a, opts):
    lw = opts.get('linewidth', 75)
    thr = opts.get('threshold', 1000)
    body = np.array2string(a, separator=', ', prefix='array(', suffix=')') if a.size else '[]'
    extras = []
    if (a.size == 0 and a.shape != (0,)) or a.size > thr:
        extras.append('shape=%s' % (a.shape,))
    if not implied(a.dtype) or a.size == 0:
        extras.append('dtype=' + short(a.dtype))
    if not extras:
        return 'array(' + body + ')'
    s = 'array(' + body + ','
    extra = ', '.join(extras) + ')'
    last = len(s) - (s.rfind('\n') + 1)
    return s + ('\n      ' if last + len(extra) + 1 > lw else ' ') + extra

cases = []
def add(name, a, **opts):
    a = np.asarray(a)
    with np.printoptions(**opts):
        r = repr2(a, opts)
        s = str(a)
    vals = [enc(x, a.dtype) for x in a.ravel()] if a.dtype.kind != 'O' else a.ravel().tolist()
    cases.append({"id": name, "dtype": a.dtype.str, "shape": list(a.shape), "values": vals,
                  "options": opts, "repr": r, "str": s})

add("int3d", np.arange(24).reshape(2, 3, 4))
add("float4d", np.arange(120.).reshape(2, 3, 4, 5) / 7)
add("int4d_summary", np.arange(4 * 5 * 6 * 7).reshape(4, 5, 6, 7), threshold=100, edgeitems=2)
add("int3d_summary_edge1", np.arange(1000).reshape(10, 10, 10), threshold=100, edgeitems=1)
add("float2d_big_summary", np.arange(2000.).reshape(40, 50) * 1.5)
add("wrap_ints_20", np.arange(30), linewidth=20)
add("wrap_floats_30", np.linspace(0, 1, 13), linewidth=30)
add("wrap_2d_narrow", np.arange(40).reshape(4, 10) * 1001, linewidth=25)
add("wrap_tiny_width", np.arange(5), linewidth=1)
for fm in ["fixed", "unique", "maxprec", "maxprec_equal"]:
    add("floatmode_" + fm, np.array([0.1, 0.25, 1 / 3, 2.0, -7.125]), floatmode=fm, precision=3)
    add("floatmode_sci_" + fm, np.array([1e-7, 0.25, 1 / 3, 123456.0]), floatmode=fm, precision=4)
add("precision0_fixed", np.array([0.5, 1.5, 2.5, -0.5]), precision=0, floatmode="fixed")
add("suppress", np.array([1e-10, 1.0, 1000.5, -2.5e-9]), suppress=True)
add("suppress_big", np.array([1e9, 1.0]), suppress=True)
add("nanstr_infstr", np.array([np.nan, np.inf, -np.inf, 1.5]), nanstr="NaN", infstr="Infinity")
add("only_nan", np.array([np.nan, np.nan]))
add("nan_inf_sci", np.array([np.nan, 1e-9, -np.inf]))
add("sign_plus_float", np.array([1.0, -2.5, 0.0, np.nan, np.inf]), sign='+')
add("sign_space_float", np.array([1.0, 2.5, 0.0]), sign=' ')
add("sign_space_float_neg", np.array([1.0, -2.5, np.nan]), sign=' ')
add("sign_plus_sci", np.array([1e-9, 2.5]), sign='+')
add("sign_plus_complex", np.array([1 + 2j, -3 - 4j]), sign='+')
add("complex_mixed", np.array([1 + 2j, -3.5 - 0.25j, complex(np.nan, np.inf), 0j]))
add("complex_sci", np.array([1e-9 + 1j, 1e9 - 1e-3j]))
add("complex64", np.array([0.1 + 0.2j, 1 - 1j], dtype=np.complex64))
add("complex128_2d", (np.arange(6) + 1j * np.arange(6)[::-1]).reshape(2, 3) / 3)
add("float32_third", np.array([1 / 3, 2 / 3, 10.0], dtype=np.float32))
add("float16_vals", np.array([0.1, 0.5, 100.25, -3], dtype=np.float16))
add("float128", np.array([0.1, 1 / 3, -2.0], dtype=np.longdouble))
add("float128_sci", np.array([1e-30, 1.0], dtype=np.longdouble))
add("complex256", np.array([0.1 + 0.2j, 1 - 1j], dtype=np.clongdouble))
add("neg_zero_mix", np.array([-0.0, 1.0, -1.5]))
add("int8_extremes", np.array([-128, 0, 127], dtype=np.int8))
add("uint64_max", np.array([0, 2**64 - 1], dtype=np.uint64))
add("int64_min", np.array([-2**63, 5]))
add("int32_2d", np.arange(-6, 6, dtype=np.int32).reshape(3, 4))
add("bool_2d", np.array([[True, False], [False, True]]))
add("bool_summary", np.arange(2001) % 3 == 0)
add("str_escapes", np.array(["it's", 'say "hi"', "tab\there", "new\nline", "back\\slash", "é ü"]))
add("str_both_quotes", np.array(["a'\"b"]))
add("bytes_escapes", np.array([b"\xff\x00a", b"it's", b"\\"]))
add("str_wrap", np.array(["word%d" % i for i in range(40)]))
add("str_2d", np.array([["a", "bb"], ["ccc", ""]]))
add("datetime_nat", np.array(["NaT", "2001-01-01", "1999-12-31"], dtype="M8[D]"))
add("datetime_s", np.array(["2001-01-01T12:00:05", "NaT"], dtype="M8[s]"))
add("datetime_Y", np.array(["2001", "1970"], dtype="M8[Y]"))
add("datetime_only_nat", np.array(["NaT", "NaT"], dtype="M8[ns]"))
add("timedelta_nat", np.array([np.timedelta64("NaT", "h"), 5, -120], dtype="m8[h]"))
add("timedelta_25s", np.array([1, 2], dtype="m8[25s]"))
add("empty_f8", np.zeros(0))
add("empty_f4", np.zeros(0, np.float32))
add("empty_2d", np.zeros((0, 3)))
add("empty_3d_u", np.zeros((2, 0, 4), "U3"))
add("empty_obj", np.zeros((0,), object))
add("zero_d_float", np.array(3.25))
add("zero_d_f4", np.array(0.1, np.float32))
add("zero_d_bool", np.array(True))
add("zero_d_str", np.array("hi"))
add("zero_d_dt", np.array("2001-01-01", "M8[D]"))
add("zero_d_complex", np.array(0.5j))
add("zero_d_nan_complex", np.array(complex(np.nan, -np.inf)))
add("zero_d_obj_list", np.array(None, object))
add("zero_d_uint8", np.array(200, np.uint8))
add("nonnative_i4", np.array([1, 2], dtype=">i4"))
add("nonnative_U", np.array(["ab"], dtype=">U2"))
add("threshold_0", np.arange(7), threshold=0, edgeitems=2)
add("edge0", np.arange(20), threshold=5, edgeitems=0)
add("float_summary_sci", np.concatenate([np.arange(1000.), [1e-9]]))
add("large_linewidth", np.arange(100.), linewidth=400)

json.dump({"generator": "make_printing_cases.py", "numpy_used": np.__version__, "cases": cases},
          open("printing-cases.json", "w"), indent=1)
print(len(cases))
