#!/usr/bin/env python3
"""examples-update.py - rewrite the output under each "$ costplan ..." line of
the plain ``` blocks of markdown files with what costplan prints now, the
way tests/integration/readme.sh checks them (run from a scratch folder that
links to the repository's data, NO_COLOR=1). A block whose expected output
ends in "..." keeps as many lines as it had, then "...". Review the diff by
eye before committing.

  tests/tools/examples-update.py COSTPLAN FILE.md...
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(binary, cmd, cwd):
    p = subprocess.run(binary + cmd[len("costplan"):], shell=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, cwd=cwd,
                       env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin",
                            "COSTPLAN_STALE_DAYS": "0"})
    return p.stdout.rstrip("\n").split("\n")


def update(path, binary, cwd):
    lines = open(path).read().split("\n")
    out, i, in_block, checked = [], 0, False, False
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            in_block = not in_block
            checked = in_block and line == "```"
            out.append(line)
            i += 1
            continue
        if not (in_block and checked and line.startswith("$ costplan ")
                and not any(c in line for c in ("|", ">", "&&", ";"))):
            out.append(line)
            i += 1
            continue
        out.append(line)
        i += 1
        old = []
        while i < len(lines) and not lines[i].startswith("$ ") and not lines[i].startswith("```"):
            old.append(lines[i])
            i += 1
        got = run(binary, line[2:], cwd)
        if old and old[-1] == "...":
            got = got[:max(len(old) - 1, 0)] + ["..."]
        out.extend(got)
    open(path, "w").write("\n".join(out))


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        for d in ("scenarios", "tests", "pricing", "reports", "src"):
            os.symlink(os.path.join(ROOT, d), os.path.join(tmp, d))
        for path in sys.argv[2:]:
            update(path, binary, tmp)


if __name__ == "__main__":
    main()
