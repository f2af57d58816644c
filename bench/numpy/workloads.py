"""The NumPy side of bench/NumNet.Benchmarks' compare mode: same workload names, same sizes, same protocol.

Each workload is set up untimed, warmed up, then timed run by run; the median is printed as
``result<TAB>NAME<TAB>MEDIAN_MS<TAB>BYTES<TAB>RUNS``. Results are dropped inside the timed statement, so NumPy's
free is timed just as NumNet's Dispose is.
"""
import argparse
import math
import sys
import time

import numpy as np

BIG = 10_000_000


def f64(*shape):
    """0, 1, 2, ... as float64, every page written once."""
    n = 1
    for d in shape:
        n *= d
    return np.arange(n, dtype=np.float64).reshape(shape)


def copyto_80mb():
    src, dst = f64(BIG), f64(BIG)
    return BIG * 8, lambda: np.copyto(dst, src)


def copy_80mb_new():
    a = f64(BIG)
    return BIG * 8, lambda: a.copy()


def copy_1000x1000():
    a = f64(1000, 1000)
    return 1000 * 1000 * 8, lambda: a.copy()


def ascontiguous_T_4096():
    t = f64(4096, 4096).T
    return 4096 * 4096 * 8, lambda: np.ascontiguousarray(t)


def ravel_T_2000():
    t = f64(2000, 2000).T
    return 2000 * 2000 * 8, lambda: t.ravel()


def copyF_4096():
    a = f64(4096, 4096)
    return 4096 * 4096 * 8, lambda: a.copy(order="F")


def ascontiguous_T_4096_f32():
    t = np.arange(4096 * 4096, dtype=np.float32).reshape(4096, 4096).T
    return 4096 * 4096 * 4, lambda: np.ascontiguousarray(t)


def ascontiguous_T_4096_u8():
    t = (np.arange(4096 * 4096) % 251).astype(np.uint8).reshape(4096, 4096).T
    return 4096 * 4096, lambda: np.ascontiguousarray(t)


def ascontiguous_T_4096_u16():
    # The bytes of NumNet's Data.Filled: byte i is i % 251, read as little-endian uint16.
    t = (np.arange(4096 * 4096 * 2) % 251).astype(np.uint8).view("<u2").reshape(4096, 4096).T
    return 4096 * 4096 * 2, lambda: np.ascontiguousarray(t)


def copy_3d_transpose():
    t = f64(64, 256, 512).transpose(2, 0, 1)
    return 64 * 256 * 512 * 8, lambda: t.copy()


def asarray_double1d_view():
    import array
    source = array.array("d", range(1_000_000))
    return 0, lambda: np.asarray(source)  # buffer protocol: a view, like NumNet's over double[]


def array_double2d_1000():
    source = f64(1000, 1000)
    return 1000 * 1000 * 8, lambda: np.array(source)


def asarray_jagged_1000():
    # double[][]: rows that are typed buffers of their own.
    source = [np.arange(i * 1000, i * 1000 + 1000, dtype=np.float64) for i in range(1000)]
    return 1000 * 1000 * 8, lambda: np.asarray(source)


def asarray_boxed_1000():
    source = [[float(i * 1000 + j) for j in range(1000)] for i in range(1000)]
    return 1000 * 1000 * 8, lambda: np.asarray(source)


def asarray_list_1m():
    source = [float(i) for i in range(1_000_000)]
    return 1_000_000 * 8, lambda: np.asarray(source)


def asarray_jagged_f32_1000():
    source = [np.arange(i * 1000, i * 1000 + 1000, dtype=np.float64) for i in range(1000)]
    return 1000 * 1000 * 4, lambda: np.asarray(source, dtype=np.float32)


def asarray_boxed_int_1000():
    # NumPy's ints become int64, NumNet's boxed ints int32: the walk over boxed leaves is what is compared.
    source = [[i * 1000 + j for j in range(1000)] for i in range(1000)]
    return 1000 * 1000 * 4, lambda: np.asarray(source)


def asarray_bigint_1m():
    source = [i * 1000 for i in range(1_000_000)]
    return 1_000_000 * 8, lambda: np.asarray(source)


TEXT_COUNT = 1_000_000


def _cast_bytes(n, src, dst):
    """Bytes read plus bytes written, halved: the traffic of a plain copy of that many bytes."""
    return n * (np.dtype(src).itemsize + np.dtype(dst).itemsize) // 2


def _astype(src, dst):
    def make():
        a = np.arange(BIG, dtype=np.float64).astype(src)
        return _cast_bytes(BIG, src, dst), lambda: a.astype(dst)
    return make


def astype_i4_f2():
    a = (np.arange(BIG) % 60000 - 30000).astype(np.int32)
    return _cast_bytes(BIG, "i4", "f2"), lambda: a.astype(np.float16)


def astype_f8_f4_strided():
    every2nd = f64(2 * BIG)[::2]
    return _cast_bytes(BIG, "f8", "f4"), lambda: every2nd.astype(np.float32)


def astype_swapped_f8():
    a = f64(BIG).astype(">f8")
    return _cast_bytes(BIG, "f8", "f8"), lambda: a.astype("<f8")


def astype_f8_U32():
    a = np.arange(TEXT_COUNT, dtype=np.float64) / 7
    return _cast_bytes(TEXT_COUNT, "f8", "U32"), lambda: a.astype("U32")


def astype_U32_f8():
    a = (np.arange(TEXT_COUNT, dtype=np.float64) / 7).astype("U32")
    return _cast_bytes(TEXT_COUNT, "U32", "f8"), lambda: a.astype(np.float64)


def repr_f8_1000():
    a = np.arange(1000, dtype=np.float64) / 7
    return 0, lambda: repr(a)


def repr_i8_1000():
    a = np.arange(1000, dtype=np.int64)
    return 0, lambda: repr(a)


def str_f8_1000x1000():
    a = f64(1000, 1000)
    return 0, lambda: str(a)


def _spread(n):
    # Bit-identical to Catalog.Spread on the NumNet side.
    return 1 + (np.arange(n, dtype=np.float64) * 0.6180339887498949) % 1.0


def _full_print(how, n):
    a = _spread(n)

    def run():
        with np.printoptions(threshold=sys.maxsize):
            return str(a) if how == "str" else repr(a)
    return 0, run


def str_f8_1m_full():
    return _full_print("str", 1_000_000)


def repr_f8_1m_full():
    return _full_print("repr", 1_000_000)


def str_f8_100k_full():
    return _full_print("str", 100_000)


def repr_f8_100k_full():
    return _full_print("repr", 100_000)


def repr_f8_100k_full_t1():
    # NumNet's side runs with MaxThreads = 1; NumPy prints on one thread either way.
    return _full_print("repr", 100_000)


def repr_f8_10k_full():
    return _full_print("repr", 10_000)


# NumPy 1.24 builds the text of a fully printed array in time quadratic in its length (100k values take ~6 s,
# 1M 7-10 min), so these are timed once, without warm-up; the 1M ones are left out of the quick run (repr) or run
# only when --filter names them (str), as on the NumNet side (Catalog.cs, WorkloadRuns).
for _w in (str_f8_1m_full, repr_f8_1m_full, str_f8_100k_full, repr_f8_100k_full, repr_f8_100k_full_t1):
    _w.single_run = True
repr_f8_1m_full.full_only = True
str_f8_1m_full.on_request = True


def repr_f8_1e8():
    a = np.arange(100_000_000, dtype=np.float64)
    return 0, lambda: repr(a)


FILE_COUNT = 100_000_000


def _scratch():
    """A folder under the temp path (as NumNet's Path.GetTempPath()), removed when the process exits."""
    import atexit
    import shutil
    import tempfile
    d = tempfile.mkdtemp(prefix="numpy-bench-files-")
    atexit.register(shutil.rmtree, d, True)
    return d


def copyfile_800mb():
    import os
    import shutil
    d = _scratch()
    src, dst = os.path.join(d, "src.npy"), os.path.join(d, "dst.npy")
    np.save(src, f64(FILE_COUNT))


    def run():
        # As on the NumNet side: copying over the old file would truncate it, which makes ext4 flush to disk.
        if os.path.exists(dst):
            os.remove(dst)
        shutil.copyfile(src, dst)
    return FILE_COUNT * 8, run


def save_800mb():
    import os
    a = f64(FILE_COUNT)
    path = os.path.join(_scratch(), "out.npy")
    return FILE_COUNT * 8, lambda: np.save(path, a)


def load_800mb():
    import os
    path = os.path.join(_scratch(), "in.npy")
    np.save(path, f64(FILE_COUNT))
    return FILE_COUNT * 8, lambda: np.load(path)


def npz_load_80mb():
    import os
    path = os.path.join(_scratch(), "in.npz")
    np.savez(path, a=f64(10_000_000))

    def run():
        with np.load(path) as archive:
            archive["a"]
    return 10_000_000 * 8, run


CSV_BLOCK_ROWS = 100_000


def _csv_block(mixed):
    """The same 100 000 rows as CsvWorkloads.Block on the NumNet side: 8 columns from a 64-bit LCG, integer arithmetic only."""
    mask = (1 << 64) - 1
    x = 0x9E3779B97F4A7C15
    lines = []
    for _ in range(CSV_BLOCK_ROWS):
        cells = []
        for c in range(8):
            x = (x * 6364136223846793005 + 1442695040888963407) & mask
            u = x >> 11
            if mixed and c % 2 == 0:
                cells.append(str((u >> 1) % 2_000_000_000_001 - 1_000_000_000_000))
            else:
                # Full precision below 2**20, exact in IEEE arithmetic: the same double as CsvWorkloads.Cell.
                value = math.ldexp(1 + ((u >> 1) & ((1 << 52) - 1)) * 2.0 ** -52, u % 20)
                cells.append(repr(-value if u & (1 << 52) else value))
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode("ascii")


def _convert_csv(mixed, megabytes):
    """np.save(out, np.loadtxt(csv, delimiter=",")) of the CSV numnet convert reads: the block repeated to the size."""
    def make():
        import os
        d = _scratch()
        csv, out = os.path.join(d, "in.csv"), os.path.join(d, "out.npy")
        block = _csv_block(mixed)
        with open(csv, "wb") as f:
            written = 0
            while written < megabytes * 1_000_000:
                f.write(block)
                written += len(block)
            # On disk before the timed runs start, as on the NumNet side (CsvWorkloads.Write).
            f.flush()
            os.fsync(f.fileno())
        return 0, lambda: np.save(out, np.loadtxt(csv, delimiter=","))
    return make


def _csv_pair(kind, megabytes, mixed, full_only=False):
    """The default row and the MaxThreads = 1 row of NumNet both compare against the same (single-threaded) NumPy."""
    size = f"{megabytes // 1000}gb" if megabytes >= 1000 else f"{megabytes}mb"
    pair = []
    for suffix in ("", "_t1"):
        make = _named(f"convert_csv_{kind}_{size}{suffix}", _convert_csv(mixed, megabytes))
        make.full_only = full_only
        pair.append(make)
    return pair


def _named(name, make):
    make.__name__ = name
    return make


# memcpy_80mb, NumNet's Span.CopyTo bandwidth baseline, has no counterpart here (report.py's baselines).
WORKLOADS = [copyto_80mb, _named("copyto_80mb_t1", lambda: copyto_80mb()), copy_80mb_new, copy_1000x1000,
             ascontiguous_T_4096, ravel_T_2000, copyF_4096,
             ascontiguous_T_4096_f32, ascontiguous_T_4096_u8, ascontiguous_T_4096_u16, copy_3d_transpose,
             asarray_double1d_view, array_double2d_1000,
             _named("array_double2d_1000_t1", lambda: array_double2d_1000()), asarray_jagged_1000, asarray_boxed_1000,
             _named("asarray_boxed_1000_t1", lambda: asarray_boxed_1000()), asarray_list_1m,
             asarray_jagged_f32_1000, asarray_boxed_int_1000,
             _named("asarray_boxed_int_1000_t1", lambda: asarray_boxed_int_1000()), asarray_bigint_1m,
             _named("asarray_bigint_1m_t1", lambda: asarray_bigint_1m()),
             _named("astype_f8_f4", _astype("f8", "f4")), _named("astype_f4_f8", _astype("f4", "f8")),
             _named("astype_i8_f8", _astype("i8", "f8")), _named("astype_f8_i8", _astype("f8", "i8")),
             _named("astype_f8_i4", _astype("f8", "i4")),
             _named("astype_i4_i8", _astype("i4", "i8")), _named("astype_f8_u1", _astype("f8", "u1")),
             astype_i4_f2, astype_f8_f4_strided, astype_swapped_f8,
             astype_f8_U32, _named("astype_f8_U32_t1", lambda: astype_f8_U32()), astype_U32_f8,
             _named("astype_U32_f8_t1", lambda: astype_U32_f8()),
             repr_f8_1000, repr_i8_1000, str_f8_1000x1000,
             str_f8_1m_full, repr_f8_1m_full, str_f8_100k_full, repr_f8_100k_full, repr_f8_100k_full_t1, repr_f8_10k_full,
             repr_f8_1e8,
             copyfile_800mb, save_800mb, load_800mb, npz_load_80mb,
             *_csv_pair("f8", 100, False), *_csv_pair("mixed", 100, True),
             *_csv_pair("f8", 1000, False, full_only=True), *_csv_pair("mixed", 1000, True, full_only=True)]


def median(xs):
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--filter")
    args = p.parse_args()
    # Same budgets as the NumNet side (CompareMode.cs).
    min_runs = 5 if args.quick else 15
    budget = 1.0 if args.quick else 6.0
    print(f"# numpy {np.__version__}, python {sys.version.split()[0]}", file=sys.stderr)
    for make in WORKLOADS:
        name = make.__name__
        if args.filter and args.filter not in name:
            continue
        if (args.quick and getattr(make, "full_only", False)) or (not args.filter and getattr(make, "on_request", False)):
            continue
        nbytes, run = make()
        if getattr(make, "single_run", False):
            t0 = time.perf_counter()
            run()
            print(f"result\t{name}\t{(time.perf_counter() - t0) * 1e3:.4f}\t{nbytes}\t1", flush=True)
            continue
        start = time.perf_counter()
        warm = 0
        last = 0.0
        # As on the NumNet side: three warm-up runs at least (one for runs of 2 s or more), and three timed ones in a
        # quick run for runs of 0.2 s or more.
        while warm < (1 if last >= 2.0 else 3) or (last < 0.2 and time.perf_counter() - start < budget / 4 and warm < 50):
            w0 = time.perf_counter()
            run()
            last = time.perf_counter() - w0
            warm += 1
        # Runs of 2 s or more (the 1 GB CSV rows) get three timed runs in a full run too, as on the NumNet side.
        runs = 3 if (args.quick and last >= 0.2) or last >= 2.0 else min_runs
        times = []
        start = time.perf_counter()
        while len(times) < runs or (time.perf_counter() - start < budget and len(times) < 201):
            t0 = time.perf_counter()
            run()
            times.append((time.perf_counter() - t0) * 1e3)
        print(f"result\t{name}\t{median(times):.4f}\t{nbytes}\t{len(times)}", flush=True)


if __name__ == "__main__":
    main()
