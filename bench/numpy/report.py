"""Joins the NumNet and NumPy result lines of bench/compare.sh into one Markdown table.

Usage: report.py NUMNET_RESULTS NUMPY_RESULTS CATALOG_TITLES
ratio = NumPy time / NumNet time (above 1: NumNet is faster). GB/s = bytes moved, counted as a copy counts them ((read + written) / 2), / NumNet's median time.
% of copy bandwidth = that GB/s over the GB/s of NumNet's plain 80 MB copy (memcpy_80mb) in the same run.
Baseline rows measure the machine, not either library: their ratio is marked "(baseline)" (docs/performance.md).
"""
import sys

# memcpy_80mb: glibc's memmove through Span.CopyTo, NumNet's side only (NumPy's np.copyto is copyto_80mb's).
# copyfile_800mb: File.Copy and shutil.copyfile, both one in-kernel copy of the page cache (copy_file_range, sendfile).
BASELINES = {"memcpy_80mb", "copyfile_800mb"}


def read(path):
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[0] == "result":
                out[parts[1]] = (float(parts[2]), int(parts[3]))
    return out


def main():
    numnet, numpy, titles_path = sys.argv[1], sys.argv[2], sys.argv[3]
    nn, npy = read(numnet), read(numpy)
    titles = {}
    with open(titles_path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[0] == "workload":
                titles[parts[1]] = parts[2]
    base = nn.get("memcpy_80mb")
    # Titles come from the catalog; results keep its order.
    base_gbs = base[1] / base[0] / 1e6 if base else None
    rows = ["| workload | numnet ms | numpy ms | ratio | GB/s | % of copy bandwidth |",
            "|---|---:|---:|---:|---:|---:|"]
    for name, (ms, nbytes) in nn.items():
        gbs = nbytes / ms / 1e6 if nbytes else None
        np_ms = npy.get(name, (None, 0))[0]
        ratio = f"{np_ms / ms:.2f}×" if np_ms else "n/a"
        if name in BASELINES:
            # Shown, but marked: no NumNet or NumPy code runs in it.
            ratio = f"{ratio} (baseline)" if np_ms else "baseline"
        np_text = f"{np_ms:.4g}" if np_ms else "n/a"
        pct = f"{100 * gbs / base_gbs:.0f}%" if base_gbs and gbs else "n/a"
        gbs_text = f"{gbs:.1f}" if gbs else "n/a"
        title = titles.get(name, name)
        rows.append(f"| {title} (`{name}`) | {ms:.4g} | {np_text} | {ratio} | {gbs_text} | {pct} |")
    print("\n".join(rows))
    # Both sides must run the same workloads, or a ratio is silently missing from the table.
    missing = [name for name in nn if name not in npy and name not in BASELINES] + [name for name in npy if name not in nn]
    if missing:
        print("no counterpart on the other side for: " + ", ".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
