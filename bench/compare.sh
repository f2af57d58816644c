#!/usr/bin/env bash
# Runs every benchmark workload as NumNet and as NumPy, on the same sizes, and prints
#   workload | numnet | numpy | ratio | GB/s | % of copy bandwidth
# also written to bench/results/latest.md.
#   bench/compare.sh [--quick] [--filter NAME]
# --quick: fewer repetitions, under 3 minutes on 2 cores; the full run stays under 20.
# NumPy prints a whole long array in quadratic time, so the quick run prints 100k values fully, the full run also
# repr of 1M (NumPy: ~7 minutes), and str of 1M runs only on request: --filter str_f8_1m_full (NumPy: ~10 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
filter=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick="--quick" ;;
    --filter) filter=(--filter "$2"); shift ;;
    *) echo "usage: bench/compare.sh [--quick] [--filter NAME]" >&2; exit 2 ;;
  esac
  shift
done

# NumPy comes from Debian's python3-numpy for the system python, so the comparison does not depend on whichever
# python is first on PATH.
PY=/usr/bin/python3
if ! "$PY" -c 'import numpy' 2>/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing python3-numpy ..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy >&2
  else
    echo "compare.sh needs NumPy for $PY: install python3-numpy (apt-get, as root) and run again" >&2
    exit 1
  fi
fi
if ! command -v dotnet >/dev/null; then
  echo "compare.sh needs the .NET SDK (dotnet) on PATH" >&2
  exit 1
fi

out=bench/results
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building NumNet.Benchmarks (Release) ..." >&2
dotnet build -c Release bench/NumNet.Benchmarks/NumNet.Benchmarks.csproj -v quiet -nologo >&2

echo "timing NumNet ..." >&2
dotnet run -c Release --no-build --project bench/NumNet.Benchmarks -- titles > "$tmp/titles"
# Tier-up without the runtime's usual start-up delay: the warm-up then reaches optimised code sooner. The steady-state
# code is the same.
DOTNET_TC_CallCountingDelayMs=0 dotnet run -c Release --no-build --project bench/NumNet.Benchmarks -- compare $quick "${filter[@]}" | tee "$tmp/numnet" >&2

echo "timing NumPy ..." >&2
# OpenBLAS tuning variables some processors set in the environment are not meant for this NumPy; drop them for
# this command only.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" bench/numpy/workloads.py $quick "${filter[@]}" | tee "$tmp/numpy" >&2

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
npver=$("$PY" -c 'import numpy; print(numpy.__version__)')
{
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), ${quick:-full}, $(nproc) cores ($cpu), NumPy $npver, $(dotnet --version | sed 's/^/.NET SDK /')"
  echo
  "$PY" bench/numpy/report.py "$tmp/numnet" "$tmp/numpy" "$tmp/titles"
  echo
  echo "ratio = NumPy time / NumNet time (above 1: NumNet faster). GB/s = (bytes read + bytes written) / 2 over NumNet median time: a copy of B bytes counts B."
  echo "% of copy bandwidth = that GB/s over the plain 80 MB copy's GB/s in the same run."
  echo "\"baseline\": the row measures the machine (memmove, the kernel's file copy), not either library (docs/performance.md)."
} > "$out/latest.md"
cat "$out/latest.md"
