"""Writes the .npy/.npz fixtures NumNet's IO tests read, with real NumPy.

Run from anywhere with Debian's python (NumPy 1.24 or later):  /usr/bin/python3 make_fixtures.py
Each fixture NAME.npy gets a line in manifest.json: its dtype str, shape, fortran_order and the array's bytes in C
order (hex), so the tests can check what they load bit for bit without trusting their own reader.
"""
import json
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
manifest = {}


def save(name, arr):
    path = os.path.join(HERE, name + ".npy")
    np.save(path, arr)
    back = np.load(path)
    manifest[name] = {
        "descr": back.dtype.str,
        "shape": list(back.shape),
        "fortran_order": bool(back.flags.f_contiguous and not back.flags.c_contiguous),
        "c_bytes": np.ascontiguousarray(back).tobytes().hex(),
    }


def numeric():
    ints = [0, 1, -1, 127, -128, 42, 7]
    for code in ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"]:
        a = np.array(ints, dtype=np.int64).astype(code)
        save(f"int_{code}", a.reshape(7))
        if code != "i1" and code != "u1":
            save(f"int_be_{code}", a.astype(">" + code))
    save("bool", np.array([[True, False, True], [False, False, True]]))
    special = [0.0, -0.0, 1.5, -2.25, np.inf, -np.inf, np.nan, 1e-300, 65504.0, 1 / 3]
    for code in ["f2", "f4", "f8"]:
        save(f"float_{code}", np.array(special, dtype=code))
        save(f"float_be_{code}", np.array(special, dtype=">" + code))
    g = np.array([1, 3, 7], dtype=np.longdouble)
    g = np.concatenate([np.longdouble(1) / g, [np.longdouble("1e4000"), -np.longdouble(0), np.inf, np.nan]])
    save("float_f16", g)
    save("complex_c8", np.array([1 + 2j, -0.5j, np.nan + 1j, np.inf], dtype=np.complex64))
    save("complex_c16", np.array([1 + 2j, -0.5j, np.nan + 1j, 1 / 3 - 1j / 7], dtype=np.complex128))
    save("complex_be_c16", np.array([1 + 2j, -0.5j], dtype=">c16"))
    c = np.array([1, 3], dtype=np.clongdouble)
    save("complex_c32", c / np.clongdouble(7 - 3j))


def text_and_time():
    save("bytes_S5", np.array([b"abc", b"", b"hello", b"a\x00b"], dtype="S5"))
    save("str_U3", np.array(["abc", "", "\u00e9t\u00e9", "\U0001f600"], dtype="U3"))
    save("str_be_U3", np.array(["xyz", "q"], dtype=">U3"))
    save("datetime_ns", np.array(["2024-02-29T12:34:56.789012345", "NaT", "1970-01-01"], dtype="M8[ns]"))
    save("datetime_D", np.array(["2024-02-29", "1900-01-01", "NaT"], dtype="M8[D]"))
    save("datetime_be_us", np.array(["2001-09-09T01:46:40"], dtype=">M8[us]"))
    save("timedelta_s", np.array([0, -5, 86400, "NaT"], dtype="m8[s]"))
    save("timedelta_ms", np.array([[1, 2], [3, 4]], dtype="m8[ms]"))
    save("void_V4", np.frombuffer(bytes(range(12)), dtype="V4"))


def layouts():
    a = np.arange(24, dtype=np.float64).reshape(2, 3, 4)
    save("layout_c_3d", a)
    save("layout_f_2d", np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)))
    save("layout_f_3d", np.asfortranarray(a))
    save("layout_transposed_3d", a.transpose(1, 0, 2))  # neither C nor F: written in C order
    save("layout_strided", a[:, ::2, ::3])
    save("layout_0d", np.array(3.5))
    save("layout_0d_U", np.array("zero-d"))
    save("layout_empty_1d", np.zeros((0,), dtype=np.int16))
    save("layout_empty_3d", np.zeros((2, 0, 3), dtype=">f4"))
    save("layout_big_dim", np.zeros((123456789012, 0), dtype=np.uint8))
    save("layout_many_dims", np.zeros((1,) * 32, dtype=np.int8))
    # Header lengths around a multiple of 64, where NumPy pads a whole extra block.
    for n in (1, 10, 100, 1000, 10000):
        save(f"layout_len_{n}", np.zeros(n, dtype=np.uint8))
    # This header's text plus prefix is an exact multiple of 64, so NumPy adds 64 spaces rather than none.
    save("layout_full_pad_block", np.zeros((0,) + (1,) * 13, dtype="S123"))


def archives():
    a = np.arange(6, dtype=np.int64).reshape(2, 3)
    b = np.array(["x", "yz"])
    np.savez(os.path.join(HERE, "archive_named.npz"), first=a, second=b)
    np.savez(os.path.join(HERE, "archive_positional.npz"), a, np.float32(1.5) * np.ones(3, dtype=np.float32))
    np.savez_compressed(os.path.join(HERE, "archive_compressed.npz"), zeros=np.zeros(5000), f=np.asfortranarray(a))


def object_array():
    np.save(os.path.join(HERE, "object.npy"), np.array([1, "a", None], dtype=object), allow_pickle=True)


numeric()
text_and_time()
layouts()
archives()
object_array()
with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=0, sort_keys=True)
    f.write("\n")
