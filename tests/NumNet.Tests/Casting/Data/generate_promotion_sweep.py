#!/usr/bin/python3
"""Writes promotion-sweep.json: NumPy 2's result_type for every pair of a set of dtypes (numbers in both byte orders,
sized and unsized strings, datetimes and timedeltas in several units, void, object) and for triples of numbers, where
NumPy promotes the whole sequence at once rather than pair by pair.

Python numbers (weak under NEP 50) are left out: the oracle answers them with NumPy 1.24's experimental weak
promotion, which gives float64 for (uint8, 1.5, float16) where NumPy 2's PyArray_ResultType (dtypes first, then the
Python numbers as abstract DTypes, one sequence) gives float16; PromotionTests covers those by hand.

The answers come from the NumPy 2 oracle (shared/conformance/oracle/serve.py, run with Debian's /usr/bin/python3):
    /usr/bin/python3 generate_promotion_sweep.py ../../../../../shared/conformance/oracle/serve.py
"""
import itertools, json, subprocess, sys

NUMBERS = ["|b1", "|i1", "|u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", "<f2", "<f4", "<f8", "<f16",
           "<c8", "<c16", "<c32"]
OTHERS = [">i4", ">f8", "|S3", "|S", "<U2", "<U", "<U40", "<M8[s]", "<M8[D]", "<M8", "<m8[s]", "<m8[ms]", "<m8[Y]",
          "<m8", "|V4", "|V8", "|O"]
ALL = NUMBERS + OTHERS


def cases():
    n = 0
    for a, b in itertools.product(ALL, ALL):
        n += 1
        yield {"id": "promote-%04d" % n, "category": "result_type", "call": "result_type", "args": {"operands": [a, b]}}
    triples = itertools.product(NUMBERS[:12] + ["<c8", "<m8[s]", "|S3", "<U2"], repeat=3)
    for t in triples:
        n += 1
        yield {"id": "promote-%04d" % n, "category": "result_type", "call": "result_type", "args": {"operands": list(t)}}


def main(serve):
    requests = list(cases())
    proc = subprocess.run(["/usr/bin/python3", serve], input="".join(json.dumps(c) + "\n" for c in requests),
                          capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    kept = [{k: a[k] for k in ("id", "category", "call", "args", "expect")} for a in answers if "expect" in a]
    # One case a line keeps the file reviewable as a diff.
    with open("promotion-sweep.json", "w") as f:
        f.write('{"generator": "generate_promotion_sweep.py", "target": "numpy 2 (oracle)", "category": "result_type", '
                '"count": %d, "cases": [\n' % len(kept))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in kept))
        f.write("\n]}\n")
    print(len(kept), "cases,", len(answers) - len(kept), "skipped")


if __name__ == "__main__":
    main(sys.argv[1])
