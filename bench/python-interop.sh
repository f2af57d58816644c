#!/usr/bin/env bash
# The NumNet.Python interop workloads (issue 16): NumPy -> .NET and .NET -> NumPy at 8 MB and 80 MB, as a view and as
# a copy, against pythonnet's own conversion, the ctypes.memmove recipe and memcpy. Prints a markdown table
# (docs/performance.md, "Python interop"). Needs libpython3 and NumPy (Debian: libpython3.11, python3-numpy).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/NumNet.Python.Hostile -c Release -v quiet -nologo >/dev/null
exec dotnet tests/NumNet.Python.Hostile/bin/Release/net10.0/NumNet.Python.Hostile.dll python-speed
