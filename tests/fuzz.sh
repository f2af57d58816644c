#!/usr/bin/env bash
# Runs one fuzz target of tests/NumNet.Tests/Reliability for longer than CI does.
#   tests/fuzz.sh TARGET SECONDS [SEED] [MAX_INPUTS]
# TARGET: dtype | nested | interface | npy | npz | csv.
# NUMNET_FUZZ_START=i (with MAX_INPUTS=1) replays input i of a seed.
# Failing inputs are appended to tests/NumNet.Tests/Reliability/Corpus/new/TARGET.jsonl; move the ones worth keeping
# into Corpus/regressions/ once fixed. The summary line goes to stdout and to Corpus/new/report.txt.
# Needs only the .NET SDK; runs niced because the machine is shared.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [SEED] [MAX_INPUTS]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
target=$1
method="$(tr '[:lower:]' '[:upper:]' <<<"${target:0:1}")${target:1}"
out=tests/NumNet.Tests/Reliability/Corpus/new
mkdir -p "$out"
export NUMNET_FUZZ_TARGET=$target NUMNET_FUZZ_SECONDS=$2
export NUMNET_FUZZ_SEED=${3:-$RANDOM$RANDOM}
[ $# -ge 4 ] && export NUMNET_FUZZ_MAX_INPUTS=$4
export NUMNET_FUZZ_CRASH_DIR=$PWD/$out NUMNET_FUZZ_REPORT=$PWD/$out/report.txt
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "fuzzing $target for $2 s, seed $NUMNET_FUZZ_SEED"
nice -n 10 dotnet build tests/NumNet.Tests -c Release -v q -nologo >/dev/null
status=0
nice -n 10 dotnet test tests/NumNet.Tests -c Release --no-build \
  --filter "FullyQualifiedName=NumNet.Tests.Reliability.FuzzTests.$method" \
  --logger "console;verbosity=detailed" | grep -E "^ *($target:|#|input:|slowest input:)|Passed|Failed" || status=$?
tail -n 1 "$out/report.txt"
exit $status
