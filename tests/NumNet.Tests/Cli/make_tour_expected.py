#!/usr/bin/env python3
"""Replays the statements of `numnet tour` in NumPy and writes NumPy's transcript to tour.expected.txt.

Usage: dotnet run --project src/NumNet.Cli -- tour | /usr/bin/python3 tests/NumNet.Tests/Cli/make_tour_expected.py

Each '>>> ' line of the tour is run in one Python interactive console with numpy imported as np; its output
replaces NumNet's. Comment and blank lines, and the 'C#> ' line under each statement, are kept. Two NumPy 2 behaviours that NumPy 1.24 lacks are emulated:
  * asarray's device= argument (NumPy 2.0): with device='cpu' the result is the same as without it;
  * the summarised repr ends with ', shape=(...)' (NumPy 2.2).
"""
import code
import contextlib
import io
import os
import re
import sys

import numpy as np

console = code.InteractiveConsole({"np": np})
out_lines = []

def run(statement):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        console.push(statement)
    return buffer.getvalue()

lines = sys.stdin.read().splitlines()
for i, line in enumerate(lines):
    if not line.startswith(">>> "):
        if line.startswith("#") or line == "":
            out_lines.append(line)
        continue
    statement = line[4:]
    out_lines.append(line)
    # The C# line the tour prints under each statement is kept as it is; NumPy's output follows it.
    if i + 1 < len(lines) and lines[i + 1].startswith("C#> "):
        out_lines.append(lines[i + 1])
    replay = statement.replace(", device='cpu'", "") if np.__version__.startswith("1.") else statement
    text = run(replay)
    if np.__version__.startswith("1.") and "..." in text and text.startswith("array("):
        shape = eval(replay, console.locals).shape
        text = re.sub(r"\)\n?$", f", shape={shape})\n", text.rstrip("\n") + "\n")
    out_lines.extend(text.rstrip("\n").split("\n") if text else [])

target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tour.expected.txt")
with open(target, "w") as f:
    f.write("\n".join(out_lines) + "\n")
print(f"wrote {target}", file=sys.stderr)
