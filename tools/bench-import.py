#!/usr/bin/env python3
"""Times `report import` (and `report chart add`, for sheets) on each
synthetic input `report synth --inputs` wrote, with the release build:
wall time and peak memory of each run, and whether it was refused or
imported as listed. Prints a Markdown table and writes it beside the
inputs as import.md.

    python3 tools/bench-import.py target/release/report target/bench/inputs REPORT.json
"""

import os
import subprocess
import sys
import time

SHEETS = (".xlsx", ".ods", ".xls", ".csv")


def run(argv):
    """Runs argv; gives (exit code, seconds, peak RSS in MiB, first line of stderr)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (getrusage would give the peak
    # over every child so far).
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    lines = [l for l in stderr.decode("utf-8", "replace").splitlines() if not l.startswith("warning")]
    return code, seconds, usage.ru_maxrss / 1024, (lines[0] if lines else "")


def main():
    report, folder, base = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = []
    with open(os.path.join(folder, "inputs.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            name, refused, what = line.rstrip("\n").split("\t")
            path = os.path.join(folder, name)
            if name.endswith(SHEETS):
                out = os.path.join(folder, "chart-out.json")
                argv = [report, "chart", "add", base, "--from", path, "--kind", "line",
                        "--title", "t", "--unit", "件", "--source", "https://example.org/",
                        "--quote", "q", "-o", out]
            else:
                argv = [report, "import", path, "-o", os.path.join(folder, "import-out.json")]
            code, seconds, mib, message = run(argv)
            outcome = "refused" if code != 0 else "imported"
            expected = "refused" if refused == "true" else "imported"
            rows.append((name, what, os.path.getsize(path), outcome, outcome == expected,
                         seconds, mib, message))
    table = [
        "| input | what | bytes | outcome | as listed | seconds | peak MiB |",
        "| --- | --- | ---: | --- | --- | ---: | ---: |",
    ]
    for name, what, size, outcome, ok, seconds, mib, _ in rows:
        table.append(f"| {name} | {what} | {size:,} | {outcome} | {'yes' if ok else 'NO'} "
                     f"| {seconds:.3f} | {mib:.0f} |")
    text = "\n".join(table) + "\n"
    print(text)
    with open(os.path.join(folder, "import.md"), "w", encoding="utf-8") as f:
        f.write(text)
        for name, *_, message in rows:
            if message:
                f.write(f"\n- {name}: {message}")
        f.write("\n")
    if not all(r[4] for r in rows):
        sys.exit("an input was not refused or imported as listed")


if __name__ == "__main__":
    main()
