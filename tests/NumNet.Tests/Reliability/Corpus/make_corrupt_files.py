#!/usr/bin/env python3
"""Writes corrupt/npy.jsonl, corrupt/npz.jsonl and corrupt/csv.jsonl: damaged files, each with the exception (or,
for CSV, the tool's exit code) NumNet must give and a fragment its message must contain.

Standard library only (the files are built byte by byte, so NumPy is not needed). Run from anywhere:
    python3 tests/NumNet.Tests/Reliability/Corpus/make_corrupt_files.py
"""
import base64
import json
import os
import struct
import zipfile
import zlib
import io

HERE = os.path.dirname(os.path.abspath(__file__))
MAGIC = b"\x93NUMPY"


def npy(header, data=b"", version=(1, 0), pad=True):
    """A .npy file with the given header text, padded as NumPy pads it (unless pad is False)."""
    text = header.encode("latin-1") if isinstance(header, str) else header
    size_bytes = 2 if version[0] == 1 else 4
    prefix = len(MAGIC) + 2 + size_bytes
    if pad:
        total = prefix + len(text) + 1
        text = text + b" " * ((64 - total % 64) % 64) + b"\n"
    length = struct.pack("<H" if size_bytes == 2 else "<I", len(text))
    return MAGIC + bytes(version) + length + text + data


def header(descr="'<f8'", fortran="False", shape="(2,)", extra=""):
    return "{'descr': %s, 'fortran_order': %s, 'shape': %s, %s}" % (descr, fortran, shape, extra)


GOOD = npy(header(), struct.pack("<2d", 1.5, 2.5))

NPY = [
    # (what, bytes, exception, fragment of its message)
    ("empty file", b"", "InvalidDataException", "empty"),
    ("truncated magic", MAGIC[:4], "InvalidDataException", "magic"),
    ("wrong magic", b"\x93NUMPZ\x01\x00" + GOOD[8:], "InvalidDataException", "neither a .npy file"),
    ("unknown format version 9.9", b"\x93NUMPY\x09\x09" + GOOD[8:], "InvalidDataException", "version"),
    ("header length runs past the end of the file", MAGIC + b"\x01\x00\x60\xea{'descr'", "InvalidDataException", "header"),
    ("version 2 header claiming 4 GiB", MAGIC + b"\x02\x00\xff\xff\xff\xff{", "InvalidDataException", "header"),
    ("header is a list, not a dict", npy("[1, 2, 3]"), "InvalidDataException", "expected '{'"),
    ("header without 'shape'", npy("{'descr': '<f8', 'fortran_order': False}"), "InvalidDataException", "shape"),
    ("header with an extra key", npy(header(extra="'x': 'y', ")), "InvalidDataException", "exactly the keys"),
    ("10^18 float64 elements claimed, 16 bytes present", npy(header(shape="(1000000000000000000,)"), b"\0" * 16), "InvalidDataException", "bytes"),
    ("shape whose product overflows int64", npy(header(shape="(4611686018427387904, 4611686018427387904)")), "InvalidDataException", "too big"),
    ("negative dimension", npy(header(shape="(-1,)")), "InvalidDataException", "negative"),
    ("65 dimensions", npy(header(shape="(" + "1, " * 65 + ")")), "InvalidDataException", "64"),
    ("dimension of 400 digits", npy(header(shape="(" + "9" * 400 + ",)")), "InvalidDataException", "too large"),
    ("object dtype without allow_pickle", npy(header(descr="'|O'")), "ArgumentException", "allow_pickle"),
    ("unknown dtype spelling", npy(header(descr="'zz9'")), "InvalidDataException", "zz9"),
    ("structured dtype list", npy(header(descr="[('a', '<f8')]")), "NotSupportedException", "structured dtype"),
    ("fortran_order that is not a bool", npy(header(fortran="'maybe'")), "InvalidDataException", "fortran_order"),
    ("data shorter than the shape needs", npy(header(shape="(10,)"), b"\0" * 40), "InvalidDataException", "bytes"),
    ("unterminated string in the header", npy("{'descr': '<f8, 'fortran_order': False, 'shape': (2,), }"), "InvalidDataException", "header"),
    ("header nested 5000 brackets deep", npy("{'descr': '<f8', 'fortran_order': False, 'shape': " + "(" * 5000 + ")" * 5000 + ", }"), "InvalidDataException", "header"),
    ("version 3 header that is not UTF-8", npy(header(descr="'<f8\xff'"), b"", version=(3, 0)), "InvalidDataException", "UTF-8"),
    ("header that calls a function", npy("{'descr': __import__('os'), 'fortran_order': False, 'shape': (2,), }"), "InvalidDataException", "header"),
]


def zip_bytes(members, compression=zipfile.ZIP_STORED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members:
            z.writestr(name, data)
    return bytearray(out.getvalue())


def end_of_directory(b):
    return b.rfind(b"PK\x05\x06")


def central_entry(b):
    return b.find(b"PK\x01\x02")


def patched(b, at, fmt, value):
    b = bytearray(b)
    struct.pack_into(fmt, b, at, value)
    return bytes(b)


ONE = zip_bytes([("a.npy", GOOD)])
DEFLATED = zip_bytes([("a.npy", GOOD)], zipfile.ZIP_DEFLATED)
# A member whose npy header claims 2^40 float64 elements while the member holds 16 bytes.
LIAR = zip_bytes([("a.npy", npy(header(shape="(1099511627776,)"), b"\0" * 16))])


def bomb():
    """A deflated member whose central directory says 128 bytes while it inflates to 16 MiB."""
    payload = npy(header(descr="'|u1'", shape="(128,)")) + b"\0" * (16 << 20)
    b = zip_bytes([("a.npy", payload)], zipfile.ZIP_DEFLATED)
    c = central_entry(b)
    b = bytearray(patched(b, c + 24, "<I", 128 + 128))
    return bytes(patched(b, 22, "<I", 128 + 128))


NPZ = [
    ("empty file", b"", "InvalidDataException", "zip"),
    ("not a zip archive", b"this is plain text, not an archive" * 4, "InvalidDataException", "zip"),
    ("truncated inside the central directory", bytes(ONE[: central_entry(ONE) + 20]), "InvalidDataException", "zip"),
    ("central directory offset past the end", patched(ONE, end_of_directory(ONE) + 16, "<I", 0x7FFFFFF0), "InvalidDataException", "zip"),
    ("entry count larger than the directory", patched(patched(ONE, end_of_directory(ONE) + 8, "<H", 500), end_of_directory(ONE) + 10, "<H", 500), "InvalidDataException", "zip"),
    ("stored member with a wrong CRC", patched(ONE, central_entry(ONE) + 16, "<I", 0xDEADBEEF), "InvalidDataException", "CRC-32"),
    ("unknown compression method 99", patched(patched(ONE, central_entry(ONE) + 10, "<H", 99), 8, "<H", 99), "InvalidDataException", "unsupported compression method"),
    ("encrypted member", patched(patched(ONE, central_entry(ONE) + 8, "<H", 1), 6, "<H", 1), "NotSupportedException", "encrypt"),
    ("deflate stream cut short", bytes(DEFLATED[:40]) + bytes(DEFLATED[40 + 30:]), "InvalidDataException", "zip"),
    ("member claiming 2^40 elements in 16 bytes", LIAR, "InvalidDataException", "bytes"),
    ("member that inflates far past its declared size", bomb(), "InvalidDataException", "CRC-32"),
    ("member that is not a .npy file", zip_bytes([("a.npy", b"hello, world")]), "InvalidDataException", "magic"),
    ("local header pointing back into the directory", patched(ONE, central_entry(ONE) + 42, "<I", central_entry(ONE)), "InvalidDataException", "local file header"),
]

CSV = [
    # (what, text, fragment of the single stderr line); the tool must exit with code 1.
    ("ragged rows", "1,2,3\n4,5\n", "CSV row 2 has 2 cells where the rows before it have 3"),
    ("unterminated quote", "1,\"2\n3,4\n", "quote"),
    ("empty file", "", "no rows"),
    ("only blank lines", "\n\n\r\n", "no rows"),
    ("an integer over Python's 4300-digit limit", "1,-" + "9" * 4301 + "\n", "an integer of 4301 digits"),
    ("ragged rows after a quoted line break", "\"a\nb\",c\nd\n", "CSV row 2 has 1 cells where the rows before it have 2"),
]


def write(name, comment, rows):
    with open(os.path.join(HERE, "corrupt", name), "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + comment + " (written by ../make_corrupt_files.py; edit that, not this)\n")
        for row in rows:
            f.write(json.dumps(row) + "\n")


def main():
    write("npy.jsonl", "damaged .npy files: truncated, overflowing and oversized claims, hostile headers",
          [{"what": w, "input": {"bytes": base64.b64encode(b).decode()}, "error": e, "contains": c} for w, b, e, c in NPY])
    write("npz.jsonl", "damaged .npz archives: truncated, overflowing directories, oversized and self-referring members",
          [{"what": w, "input": {"bytes": base64.b64encode(bytes(b)).decode()}, "error": e, "contains": c} for w, b, e, c in NPZ])
    write("csv.jsonl", "CSV input numnet convert must refuse with exit code 1 and one line on stderr",
          [{"what": w, "input": t, "exit": 1, "contains": c} for w, t, c in CSV])


if __name__ == "__main__":
    main()
