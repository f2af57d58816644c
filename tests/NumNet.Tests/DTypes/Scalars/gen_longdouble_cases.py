#!/usr/bin/python3
"""Writes longdouble_cases.txt: bit-exact expectations for NumNet.LongDouble taken from NumPy.

Run with a Python whose NumPy has np.longdouble as the x87 80-bit type (x86-64 Linux), e.g.
    /usr/bin/python3 gen_longdouble_cases.py > longdouble_cases.txt
The output is deterministic for a given NumPy. Finite results of the arithmetic, of conversions from
double and the integers, of conversions to double and float, and of parsing are also checked here
against exact rational arithmetic, so such a line is only written when the hardware and exact
rounding agree. (float16 results are NumPy's, which rounds through float32 first.)

Parsing follows Python's float() syntax, which NumPy 1.24's np.longdouble(str) does not fully
accept: which texts are errors comes from float(); the value comes from np.longdouble() of the
text with surrounding whitespace and underscores removed and Unicode digits made ASCII; a NaN
keeps the sign written, as float() does.

Line format (fields separated by one tab; a long double is 20 hex digits: the 16-bit sign/exponent
word, then the 64-bit significand):
    d2l DBITS LD | f2l FBITS LD | h2l HBITS LD | i2l INT64 LD | u2l UINT64 LD
    l2d LD DBITS | l2f LD FBITS | l2h LD HBITS
    l2int LD I64 U64 I32 U32 I16 U16 I8 U8
    add|sub|mul|div A B R | sqrt A R
    cmp A B FLAGS (== != < <= > >= as 0/1) | class LD FLAGS (isnan isinf isfinite signbit)
    parse TEXT LD-or-error | repr LD TEXT | bytes LD MEMORY-HEX
In TEXT a backslash is doubled and every character outside printable ASCII is written as a
backslash, "u" and four hex digits.
"""

import random
import struct
import sys
import unicodedata
import warnings
from fractions import Fraction

import numpy as np

warnings.simplefilter("ignore")
sys.set_int_max_str_digits(0)
assert np.finfo(np.longdouble).nmant == 63, "needs the x87 80-bit long double"

LD = np.longdouble
BIAS = 16383
out = []


def mk(se, sig):
    return np.frombuffer(struct.pack("<QH6x", sig, se), dtype=LD)


def parts(arr):
    b = np.ascontiguousarray(arr, dtype=LD).tobytes()
    return [(struct.unpack_from("<H", b, 16 * i + 8)[0], struct.unpack_from("<Q", b, 16 * i)[0])
            for i in range(len(b) // 16)]


def hx(p):
    return "%04x%016x" % p


def esc(s):
    r = []
    for c in s:
        if c == "\\":
            r.append("\\\\")
        elif 32 <= ord(c) < 127:
            r.append(c)
        else:
            r.append("\\u%04x" % ord(c))
    return "".join(r)


# ---------- exact reference arithmetic ----------

def is_canonical_finite(p):
    se, sig = p
    e = se & 0x7FFF
    if e == 0x7FFF:
        return False
    return e == 0 or (sig >> 63) == 1


def to_frac(p):
    se, sig = p
    e = max(se & 0x7FFF, 1)
    v = Fraction(sig) * Fraction(2) ** (e - BIAS - 63)
    return -v if se & 0x8000 else v


def round_frac(v, neg_zero=False):
    """Nearest-even rounding of a rational to the 80-bit format."""
    if v == 0:
        return (0x8000 if neg_zero else 0, 0)
    sign = 0x8000 if v < 0 else 0
    v = abs(v)
    n, d = v.numerator, v.denominator
    e = n.bit_length() - d.bit_length()
    if Fraction(2) ** e > v:
        e -= 1
    lsb = max(e - 63, 1 - BIAS - 63)
    scaled = v / Fraction(2) ** lsb
    q = scaled.numerator // scaled.denominator
    rem = scaled - q
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and q & 1):
        q += 1
    if q == 1 << 64:
        q >>= 1
        lsb += 1
    if q == 0:
        return (sign, 0)
    biased = lsb + 63 + BIAS if q >> 63 else 0
    if biased >= 0x7FFF:
        return (sign | 0x7FFF, 1 << 63)
    return (sign | biased, q)


def round_frac_ieee(v, frac_bits, exp_bits):
    bias = (1 << (exp_bits - 1)) - 1
    sign = 1 << (frac_bits + exp_bits) if v < 0 else 0
    v = abs(v)
    if v == 0:
        return sign
    n, d = v.numerator, v.denominator
    e = n.bit_length() - d.bit_length()
    if Fraction(2) ** e > v:
        e -= 1
    lsb = max(e - frac_bits, 1 - bias - frac_bits)
    scaled = v / Fraction(2) ** lsb
    q = scaled.numerator // scaled.denominator
    rem = scaled - q
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and q & 1):
        q += 1
    if q == 1 << (frac_bits + 1):
        q >>= 1
        lsb += 1
    biased = lsb + frac_bits + bias if q >> frac_bits else 0
    maxe = (1 << exp_bits) - 1
    if biased >= maxe:
        return sign | (maxe << frac_bits)
    return sign | (biased << frac_bits) | (q & ((1 << frac_bits) - 1))


def isqrt_round(v):
    """sqrt of a positive rational rounded to the format, exactly."""
    # r = floor(sqrt(v) / 2^lsb) has about 70 bits; a nonzero remainder only needs to be known as one
    lsb = (v.numerator.bit_length() - v.denominator.bit_length()) // 2 - 72
    scaled = v / Fraction(4) ** lsb
    n = scaled.numerator // scaled.denominator
    r = int_sqrt(n)
    exact = scaled.denominator == 1 and r * r == n
    val = Fraction(r) * Fraction(2) ** lsb
    if not exact:
        val += Fraction(2) ** lsb / 2
    return round_frac(val)


def int_sqrt(n):
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


# ---------- value sources ----------

rng = random.Random(20240521)

ONE = (0x3FFF, 1 << 63)
SPECIALS = [
    (0, 0), (0x8000, 0), ONE, (0xBFFF, 1 << 63),
    (0x7FFF, 1 << 63), (0xFFFF, 1 << 63),  # infinities
    (0x7FFF, 0xC000000000000000), (0xFFFF, 0xC000000000000000),  # quiet NaNs
    (0x7FFF, 0xC000000000001234), (0xFFFF, 0x8000000000000777),  # payload, signaling
    (0x7FFE, (1 << 64) - 1), (0xFFFE, (1 << 64) - 1),  # max, min
    (0x0001, 1 << 63), (0x8001, 1 << 63),  # smallest normals
    (0x0000, 1), (0x8000, 1),  # smallest subnormals
    (0x0000, (1 << 63) - 1), (0x0000, 1 << 62),  # largest subnormal, a subnormal power of two
    (0x3FFF, (1 << 64) - 1), (0x3FFE, (1 << 64) - 1), (0x3FFF, (1 << 63) | 1),
    (0x4000, 1 << 63), (0x3FFE, 1 << 63),
]
ODD_ENCODINGS = [
    (0x0000, (1 << 63) | 1),  # pseudo-denormal
    (0x3FFF, 0x4000000000000000),  # unnormal
    (0x7FFF, 0),  # pseudo-infinity
    (0x7FFF, 0x4000000000000001),  # pseudo-NaN
]


def rnd_sig():
    kind = rng.random()
    if kind < 0.1:
        return (1 << 63) | (rng.getrandbits(8) << rng.randrange(0, 56))
    if kind < 0.15:
        return (1 << 64) - 1 - rng.getrandbits(4)
    return (1 << 63) | rng.getrandbits(63)


def rnd_normal(lo=1, hi=0x7FFE):
    return ((rng.getrandbits(1) << 15) | rng.randint(lo, hi), rnd_sig())


def rnd_subnormal():
    return (rng.getrandbits(1) << 15, rng.getrandbits(rng.randint(1, 63)) or 1)


def rnd_near_one():
    return rnd_normal(BIAS - 80, BIAS + 80)


def rnd_any():
    r = rng.random()
    if r < 0.08:
        return rng.choice(SPECIALS)
    if r < 0.16:
        return rnd_subnormal()
    if r < 0.5:
        return rnd_near_one()
    return rnd_normal()


def ld_arr(ps):
    return np.concatenate([mk(*p) for p in ps]) if ps else np.zeros(0, LD)


# ---------- conversions from other types ----------

def emit_from_double():
    vals = [0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000123,
            0x7FF0000000000001, 0x7FF4000000000000, 1, 0x000FFFFFFFFFFFFF, 0x0010000000000000,
            0x7FEFFFFFFFFFFFFF, 0x3FF0000000000000, 0x3FB999999999999A]
    for _ in range(200):
        vals.append(rng.getrandbits(64))
    for _ in range(40):
        vals.append((rng.getrandbits(1) << 63) | rng.getrandbits(rng.randint(1, 52)))
    darr = np.array(vals, dtype=np.uint64).view(np.float64)
    for v, p in zip(vals, parts(darr.astype(LD))):
        d = struct.unpack("<d", struct.pack("<Q", v))[0]
        if d == d and abs(d) != float("inf"):
            assert p == round_frac(Fraction(d), neg_zero=(v >> 63) == 1), hex(v)
        out.append("d2l\t%016x\t%s" % (v, hx(p)))


def emit_from_float():
    vals = [0, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001, 0xFFC01234, 1, 0x007FFFFF,
            0x00800000, 0x7F7FFFFF]
    for _ in range(80):
        vals.append(rng.getrandbits(32))
    farr = np.array(vals, dtype=np.uint32).view(np.float32)
    for v, p in zip(vals, parts(farr.astype(LD))):
        out.append("f2l\t%08x\t%s" % (v, hx(p)))


def emit_from_half():
    vals = [0, 0x8000, 0x7C00, 0xFC00, 0x7E00, 0x7C01, 0xFE55, 1, 0x03FF, 0x0400, 0x7BFF, 0x3C00]
    for _ in range(40):
        vals.append(rng.getrandbits(16))
    harr = np.array(vals, dtype=np.uint16).view(np.float16)
    for v, p in zip(vals, parts(harr.astype(LD))):
        out.append("h2l\t%04x\t%s" % (v, hx(p)))


def emit_from_ints():
    ivals = [0, 1, -1, 2 ** 63 - 1, -2 ** 63, 2 ** 53 + 1, -(2 ** 53 + 1), 2 ** 62 + 12345]
    for _ in range(70):
        ivals.append(rng.randint(-2 ** 63, 2 ** 63 - 1) >> rng.randrange(0, 63))
    for v, p in zip(ivals, parts(np.array(ivals, dtype=np.int64).astype(LD))):
        assert p == round_frac(Fraction(v))
        out.append("i2l\t%d\t%s" % (v, hx(p)))
    uvals = [0, 1, 2 ** 64 - 1, 2 ** 63, 2 ** 63 + 1, 2 ** 64 - 2]
    for _ in range(50):
        uvals.append(rng.getrandbits(64) >> rng.randrange(0, 64))
    for v, p in zip(uvals, parts(np.array(uvals, dtype=np.uint64).astype(LD))):
        assert p == round_frac(Fraction(v))
        out.append("u2l\t%d\t%s" % (v, hx(p)))


# ---------- conversions to other types ----------

def with_tail(se, frac_bits, tail_kind):
    """A significand whose bits below a frac_bits+1 bit precision form a tie, or just miss one."""
    drop = 63 - frac_bits
    sig = (1 << 63) | (rng.getrandbits(frac_bits) << drop)
    half = 1 << (drop - 1)
    sig |= {0: half, 1: half + 1, 2: half - 1, 3: 0}[tail_kind]
    return (se, sig)


def conv_sources(frac_bits, exp_bits):
    bias = (1 << (exp_bits - 1)) - 1
    emin, emax = 1 - bias, bias
    ps = list(SPECIALS) + ODD_ENCODINGS
    for _ in range(120):
        ps.append(((rng.getrandbits(1) << 15) | (BIAS + rng.randint(emin - frac_bits - 3, emax + 2)), rnd_sig()))
    for _ in range(60):
        se = (rng.getrandbits(1) << 15) | (BIAS + rng.randint(emin, emax))
        ps.append(with_tail(se, frac_bits, rng.randrange(4)))
    for _ in range(40):
        # subnormal range of the target, with ties at its coarser precision
        e = rng.randint(emin - frac_bits - 1, emin - 1)
        prec = e - (emin - frac_bits)
        sig = (1 << 63) | rng.getrandbits(63)
        if prec >= 0 and rng.random() < 0.5:
            drop = 63 - prec
            sig = (sig >> drop << drop) | (1 << (drop - 1))
        ps.append(((rng.getrandbits(1) << 15) | (BIAS + e), sig))
    for e in (emax, emax + 1):
        ps.append((BIAS + e, (1 << 64) - 1))
        ps.append((BIAS + emax, ((1 << (frac_bits + 1)) - 1) << (63 - frac_bits) | (1 << (62 - frac_bits))))
    return ps


def emit_to_float_types():
    for name, dt, fb, eb, w in (("l2d", np.float64, 52, 11, 16), ("l2f", np.float32, 23, 8, 8),
                                 ("l2h", np.float16, 10, 5, 4)):
        ps = conv_sources(fb, eb)
        res = ld_arr(ps).astype(dt)
        ubits = res.view({8: np.uint64, 4: np.uint32, 2: np.uint16}[res.itemsize])
        for p, b in zip(ps, ubits):
            b = int(b)
            if is_canonical_finite(p) and name != "l2h" and to_frac(p) != 0:
                assert b == round_frac_ieee(to_frac(p), fb, eb), (name, hx(p))
            out.append("%s\t%s\t%0*x" % (name, hx(p), w, b))


def emit_to_ints():
    ps = list(SPECIALS) + ODD_ENCODINGS
    for v in (2.0 ** 63, -2.0 ** 63, 2.0 ** 64, 2.0 ** 64 - 2048, 2.0 ** 31, -2.0 ** 31, 2.0 ** 15,
              -2.0 ** 15 - 1, 2.0 ** 7, 300.0, -200.0, 70000.0, -40000.0, 3e9, -3e9, 0.5, -0.99, 1e30):
        ps.append(parts(np.array([v], dtype=LD))[0])
    for extra in (1, -1):
        for p in parts(np.array([2.0 ** 63, -2.0 ** 63, 2.0 ** 64], dtype=LD) + LD(extra) * LD(0.5)):
            ps.append(p)
    ps.append((BIAS + 63, (1 << 64) - 1))
    ps.append((0x8000 | (BIAS + 63), (1 << 63) + 1))
    for _ in range(160):
        ps.append(((rng.getrandbits(1) << 15) | (BIAS + rng.randint(-3, 66)), rnd_sig()))
    arr = ld_arr(ps)
    cols = [arr.astype(t) for t in (np.int64, np.uint64, np.int32, np.uint32, np.int16, np.uint16, np.int8, np.uint8)]
    for i, p in enumerate(ps):
        out.append("l2int\t%s\t%s" % (hx(p), "\t".join(str(int(c[i])) for c in cols)))


# ---------- arithmetic ----------

def tie_pairs_add():
    res = []
    for _ in range(40):
        a = rnd_near_one()
        ea = a[0] & 0x7FFF
        d = rng.choice([64, 64, 65, 63, 1, 2])
        tail = {64: 1 << 63, 65: 1 << 63, 63: 3 << 62, 1: 1 << 63, 2: 1 << 63}[d]
        b = ((rng.getrandbits(1) << 15) | (ea - d), tail if d >= 63 else (1 << 63) | 1)
        res.append((a, b))
    return res


def tie_pairs_mul():
    res = []
    while len(res) < 40:
        x = rng.getrandbits(33) | (1 << 32)
        y = rng.getrandbits(33) | (1 << 32)
        prod = x * y
        if prod.bit_length() != 65 or not prod & 1:
            continue
        ex = rng.randint(BIAS - 100, BIAS + 100)
        ey = rng.randint(BIAS - 100, BIAS + 100)
        res.append(((ex, x << 31), ((rng.getrandbits(1) << 15) | ey, y << 31)))
    return res


def subnormal_pairs():
    res = []
    for _ in range(30):
        # products and quotients landing in the subnormal range, including exact halves
        a = (rng.randint(1, 40), (rng.randint(1, 255) << 56) | (1 << 63))
        b = ((rng.getrandbits(1) << 15) | (BIAS + rng.choice([-1, 1]) * rng.randint(1, 80)), 1 << 63)
        res.append((a, b))
    for _ in range(20):
        res.append((rnd_subnormal(), rnd_subnormal()))
        res.append((rnd_subnormal(), rnd_near_one()))
    return res


def arithmetic_pairs(op):
    ps = []
    for a in SPECIALS + ODD_ENCODINGS[:2]:
        for b in rng.sample(SPECIALS, 8) + [rnd_any()]:
            ps.append((a, b))
    ps += [(ODD_ENCODINGS[2], ONE), (ONE, ODD_ENCODINGS[3]), (ODD_ENCODINGS[1], (0x7FFF, 0xC000000000000005))]
    nan_list = [(0x7FFF, 0xC000000000000001), (0xFFFF, 0xC000000000000002), (0x7FFF, 0x8000000000000005),
                (0xFFFF, 0x8000000000000003), (0xFFFF, 0xC000000000000001), (0xFFFF, 0x8000000000000005)]
    for a in nan_list:
        for b in nan_list + [ONE]:
            ps.append((a, b))
    for _ in range(120):
        ps.append((rnd_any(), rnd_any()))
    for _ in range(80):
        a = rnd_near_one()
        ea = a[0] & 0x7FFF
        b = ((rng.getrandbits(1) << 15) | max(1, ea - rng.randint(-3, 130)), rnd_sig())
        ps.append((a, b))
    for _ in range(20):
        a = rnd_normal()
        ps.append((a, (a[0] ^ 0x8000, a[1] ^ rng.getrandbits(rng.randint(0, 3)))))
    ps += subnormal_pairs()
    if op in ("add", "sub"):
        ps += tie_pairs_add()
    if op == "mul":
        ps += tie_pairs_mul()
    for _ in range(20):
        ps.append((rnd_normal(0x7F00, 0x7FFE), rnd_normal(0x7F00, 0x7FFE)))
        ps.append((rnd_normal(1, 0x100), rnd_normal(1, 0x100)))
    return ps


def exact_result(op, a, b):
    fa, fb = to_frac(a), to_frac(b)
    if op == "add":
        v = fa + fb
    elif op == "sub":
        v = fa - fb
    elif op == "mul":
        v = fa * fb
    else:
        if fb == 0:
            return None
        v = fa / fb
    if v == 0:
        return None
    return round_frac(v)


def emit_arithmetic():
    fns = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide}
    for op, fn in fns.items():
        ps = arithmetic_pairs(op)
        r = parts(fn(ld_arr([a for a, _ in ps]), ld_arr([b for _, b in ps])))
        for (a, b), p in zip(ps, r):
            if is_canonical_finite(a) and is_canonical_finite(b):
                ex = exact_result(op, a, b)
                if ex is not None:
                    assert ex == p, (op, hx(a), hx(b), hx(p), hx(ex))
            out.append("%s\t%s\t%s\t%s" % (op, hx(a), hx(b), hx(p)))
    ps = list(SPECIALS) + ODD_ENCODINGS
    for _ in range(100):
        ps.append(rnd_any())
    for _ in range(80):
        ps.append((rng.randint(1, 0x7FFE), rnd_sig()))
    for _ in range(30):
        ps.append(rnd_subnormal())
    for k in (2, 3, 4, 9, 10, 1 << 40, (1 << 32) + 1):
        ps.append(parts(np.array([k], dtype=LD))[0])
    r = parts(np.sqrt(ld_arr(ps)))
    for a, p in zip(ps, r):
        if is_canonical_finite(a) and to_frac(a) > 0:
            assert p == isqrt_round(to_frac(a)), ("sqrt", hx(a), hx(p))
        out.append("sqrt\t%s\t%s" % (hx(a), hx(p)))


def emit_compare():
    ps = []
    pool = SPECIALS + ODD_ENCODINGS
    for _ in range(150):
        ps.append((rng.choice(pool), rng.choice(pool)))
    for _ in range(100):
        a = rnd_any()
        ps.append((a, rng.choice([a, rnd_any(), (a[0] ^ 0x8000, a[1])])))
    a, b = ld_arr([x for x, _ in ps]), ld_arr([y for _, y in ps])
    cols = [a == b, a != b, a < b, a <= b, a > b, a >= b]
    for i, (x, y) in enumerate(ps):
        out.append("cmp\t%s\t%s\t%s" % (hx(x), hx(y), "".join("1" if c[i] else "0" for c in cols)))
    cl = pool + [rnd_any() for _ in range(30)]
    arr = ld_arr(cl)
    cols = [np.isnan(arr), np.isinf(arr), np.isfinite(arr), np.signbit(arr)]
    for i, x in enumerate(cl):
        out.append("class\t%s\t%s" % (hx(x), "".join("1" if c[i] else "0" for c in cols)))
    for x in SPECIALS[:6] + [rnd_any() for _ in range(6)]:
        out.append("bytes\t%s\t%s" % (hx(x), mk(*x).tobytes().hex()))


# ---------- text ----------

def exact_decimal(v):
    """The exact decimal expansion of a dyadic rational, as a plain string."""
    neg = v < 0
    v = abs(v)
    k = v.denominator.bit_length() - 1
    assert v.denominator == 1 << k
    s = str(v.numerator * 5 ** k)
    if k:
        s = s.rjust(k + 1, "0")
        s = s[:-k] + "." + s[-k:]
    return ("-" if neg else "") + s


def clean_for_numpy(s):
    s = s.strip()
    s = "".join(str(unicodedata.decimal(c)) if ord(c) > 127 and unicodedata.decimal(c, None) is not None else c
                for c in s)
    return s.replace("_", "")


def parse_expect(s):
    try:
        float(s)
    except ValueError:
        return "error"
    c = clean_for_numpy(s)
    if c.lstrip("+-").lower() == "nan":
        return hx((0xFFFF if c.startswith("-") else 0x7FFF, 0xC000000000000000))
    p = parts(np.array([LD(c)]))[0]
    body = c.lstrip("+-").lower()
    if body not in ("inf", "infinity"):
        mant, _, ex = body.partition("e")
        if abs(int(ex or "0")) > 60000:
            return hx(p)
        v = Fraction(mant) * Fraction(10) ** int(ex or "0")
        assert p == round_frac(-v if c.startswith("-") else v, neg_zero=c.startswith("-")), (s, hx(p))
    return hx(p)


def rnd_decimal():
    nd = rng.randint(1, 25)
    digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(nd - 1))
    e = rng.choice([rng.randint(-30, 30), rng.randint(-4970, 4950)])
    pt = rng.randint(0, nd)
    s = digits[:pt] + "." + digits[pt:] if rng.random() < 0.7 else digits
    if s.startswith("."):
        s = "0" + s if rng.random() < 0.5 else s
    if s.endswith(".") and rng.random() < 0.5:
        s += "0"
    return rng.choice(["", "-", "+"]) + s + (rng.choice("eE") + str(e) if rng.random() < 0.8 else "")


def neighbours_mid(p):
    """Exact midpoint between p and the next value up, as a fraction."""
    se, sig = p
    v = to_frac(p)
    e = max(se & 0x7FFF, 1)
    ulp = Fraction(2) ** (e - BIAS - 63)
    return v + ulp / 2


def emit_parse():
    texts = ["0.1", "1", "-0", "0", "1e23", "1e4932", "1.18973149535723176502e+4932", "1.2e4932",
             "1.18973149535723176505e+4932", "3.6451995318824746025e-4951", "1e-4951", "1.8e-4951", "1.9e-4951",
             "1e-5000", "1e5000", "0e5000", "3.3621031431120935063e-4932", "123456789012345678901234567890",
             "9223372036854775807", "18446744073709551615", "18446744073709551617", "0.000000000000000000001",
             ".5", "5.", "+.5e-3", "-inf", "+INFINITY", "iNf", "nAn", "-nan", "+nan", " 1.5 ", "\t-2.5\n",
             "\u20031.5\u2003", "1_0", "1_0.5", "1.5_5", "1e1_0", "\uff11\uff12", "\u0661\u0662.5",
             "00000.000001e6", "1E+05", "1e-05", "0.0000000000e-99999", "1e999999999999999999999", "\x1c7\x1f"]
    bad = ["", " ", "1__0", "_1", "1_", "1_.5", "1._5", "1e", "e5", ".", "1e+", "1.5f", "++1", "1d5",
           "nan(123)", "0x1p3", "infinit", "in", "1 0", "1e5.5", "--1", "1,5", "- 1", "inf inity", "1e_5",
           "0b101", "1.2.3", "nana", "+", "1\u00a0e5"]
    texts += bad
    for _ in range(330):
        texts.append(rnd_decimal())
    for _ in range(60):
        p = rnd_any() if rng.random() < 0.5 else rnd_near_one()
        if not is_canonical_finite(p) or p[0] & 0x7FFF == 0x7FFE:
            continue
        m = neighbours_mid(p)
        if m.denominator > 1 << 400:
            m2 = Fraction(round(m * 10 ** 300), 10 ** 300)
            texts.append(exact_decimal(m2))
            continue
        texts.append(exact_decimal(m))
        texts.append(exact_decimal(m) + "0000001")
        s = exact_decimal(m)
        if "." in s:
            last = s.rstrip("0")
            if last[-1] not in ".0":
                texts.append(last[:-1] + str(int(last[-1]) - 1) + "9" * 30)
    # a few halfway points in the subnormal range, written out in full
    for sig in (1, 3, (1 << 62) + 1):
        texts.append(exact_decimal(neighbours_mid((0, sig))))
    texts.append(exact_decimal(neighbours_mid((0x7FFE, (1 << 64) - 1))))
    texts.append("0." + "0" * 6000 + "1")
    texts.append("1" + "0" * 25000 + "e-25000")
    texts.append("1" + "0" * 25000 + "1e-25000")
    for s in texts:
        out.append("parse\t%s\t%s" % (esc(s), parse_expect(s)))


def emit_repr():
    ps = list(SPECIALS)
    for _ in range(200):
        ps.append(rnd_any())
    for _ in range(60):
        ps.append(rnd_normal(BIAS - 20, BIAS + 60))
    for k in range(-70, 70, 3):
        ps.append(parts(np.array([LD(2) ** k, LD(10) ** k, LD(2) ** k * 3], dtype=LD)))
    flat = []
    for p in ps:
        flat.extend(p if isinstance(p, list) else [p])
    for s in ("1e23", "0.1", "1e-4", "9.9999999999999999995e-05", "1e16", "9999999999999999", "1e15",
              "0.3", "2.5", "1e-5", "123.456", "4e-4951", "1.18973149535723176502e+4932"):
        flat.append(parts(np.array([LD(s)]))[0])
    for x in (0.1, 1e23, 1 / 3, 2.0 ** -1074, 1.7976931348623157e308):
        flat.append(parts(np.array([x], dtype=LD))[0])
    arr = ld_arr(flat)
    for p, x in zip(flat, arr):
        out.append("repr\t%s\t%s" % (hx(p), esc(repr(x))))


def main():
    emit_from_double()
    emit_from_float()
    emit_from_half()
    emit_from_ints()
    emit_to_float_types()
    emit_to_ints()
    emit_arithmetic()
    emit_compare()
    emit_parse()
    emit_repr()
    sys.stdout.write("# generated by gen_longdouble_cases.py with NumPy %s; do not edit\n" % np.__version__)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
