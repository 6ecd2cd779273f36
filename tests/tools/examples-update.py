#!/usr/bin/env python3
"""examples-update.py - the examples of the documentation, run for real.

In every plain ``` block of a markdown file (a block with a language, such
as ```sh or ```console, is illustrative and left alone), each line "$ CMD"
is a command and the lines after it, up to the next "$ " line or the end of
the block, are its output (stdout and stderr as they interleave). A last
output line "..." means "starts with these lines". A following "$ echo $?"
line and the line after it give the expected exit code.

Commands run with sh, one scratch folder per markdown file (so an example
may read what an earlier one in the same file wrote), which links to the
repository's data folders and holds a copy of the binary under test, first
on the PATH as `costplan`; NO_COLOR=1, LC_ALL=C, COSTPLAN_STALE_DAYS=0.

  tests/tools/examples-update.py COSTPLAN FILE.md...
      rewrite each command's output with what it prints now (a trimmed
      output keeps as many lines as it had, then "..."); review the diff
      by eye before committing
  tests/tools/examples-update.py --check COSTPLAN FILE.md...
      print one TAP line per command ("ok - FILE: CMD"); exit 1 if any
      differs (tests/integration/readme.sh)
"""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = ("scenarios", "tests", "pricing", "reports", "src", "docs", ".github")
TIMEOUT = 600


def examples(lines):
    """Yield (index of the "$ " line, command, output lines, index after the
    output, expected exit code or None, index after the whole example) for
    every command of every plain ``` block."""
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].startswith("```"):
            i += 1
            continue
        checked = lines[i] == "```"
        j = i + 1
        while j < n and not lines[j].startswith("```"):
            j += 1
        # lines[i+1:j] is the block's body
        k = i + 1
        while checked and k < j:
            if not lines[k].startswith("$ ") or lines[k] == "$ echo $?":
                k += 1
                continue
            start, cmd = k, lines[k][2:]
            k += 1
            while k < j and not lines[k].startswith("$ "):
                k += 1
            out_end = k
            rc = None
            if k + 1 < j and lines[k] == "$ echo $?":
                rc = lines[k + 1]
                k += 2
            yield start, cmd, lines[start + 1:out_end], out_end, rc, k
        i = j + 1


def scratch(tmp, binary):
    """A working folder linking to the repository's data, with a copy of
    the binary under test as its costplan: costplan finds its data beside
    its executable, so messages name pricing/... as they do in a checkout."""
    cwd = os.path.join(tmp, "cwd")
    os.makedirs(cwd)
    for d in DATA:
        if os.path.exists(os.path.join(ROOT, d)):
            os.symlink(os.path.join(ROOT, d), os.path.join(cwd, d))
    shutil.copy2(binary, os.path.join(cwd, "costplan"))
    # COSTPLAN_STALE_DAYS=0: no "prices are N days old" warning, which would
    # change every day
    env = {"NO_COLOR": "1", "LC_ALL": "C", "HOME": tmp, "COSTPLAN_STALE_DAYS": "0",
           "PATH": cwd + ":/usr/local/bin:/usr/bin:/bin"}
    return cwd, env


def run(cmd, cwd, env):
    try:
        p = subprocess.run(["sh", "-c", cmd], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           cwd=cwd, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["(timed out after %d s)" % TIMEOUT], -1
    # CSV's CRLF line ends show as LF on a page
    text = p.stdout.decode("utf-8", "replace").replace("\r\n", "\n").rstrip("\n")
    return (text.split("\n") if text else []), p.returncode


def same(expected, got):
    if expected and expected[-1] == "...":
        want = expected[:-1]
        return got[:len(want)] == want
    # trailing blank lines of an example do not count
    while expected and expected[-1] == "":
        expected = expected[:-1]
    return got == expected


def check(path, binary, tmp):
    """Print one TAP line per example of path; the number that failed."""
    lines = open(path).read().split("\n")
    cwd, env = scratch(tmp, binary)
    failed = 0
    for _, cmd, expected, _, rc, _ in examples(lines):
        got, got_rc = run(cmd, cwd, env)
        name = "%s: %s" % (path, cmd)
        if not same(expected, got):
            want = expected[:-1] if expected and expected[-1] == "..." else expected
            d = list(difflib.unified_diff(want, got[:len(want) + 3] if expected[-1:] == ["..."] else got,
                                          lineterm="", n=1))[2:10]
            print("not ok - %s: output differs: %s" % (name, " | ".join(d)))
            failed += 1
        elif rc is not None and str(got_rc) != rc.strip():
            print("not ok - %s: exit %d, the page says %s" % (name, got_rc, rc.strip()))
            failed += 1
        else:
            print("ok - " + name)
    return failed


def update(path, binary, tmp):
    lines = open(path).read().split("\n")
    cwd, env = scratch(tmp, binary)
    out, pos = [], 0
    for start, cmd, old, out_end, rc, end in examples(lines):
        out.extend(lines[pos:start + 1])
        got, got_rc = run(cmd, cwd, env)
        if old and old[-1] == "...":
            got = got[:max(len(old) - 1, 0)] + ["..."]
        elif old and old[-1] == "" and got:
            got = got + [""]  # keep a blank line before the next command
        out.extend(got)
        if rc is not None:
            out.extend(["$ echo $?", str(got_rc)])
        pos = end
    out.extend(lines[pos:])
    open(path, "w").write("\n".join(out))


def main():
    args = sys.argv[1:]
    mode = update
    if args and args[0] == "--check":
        mode, args = check, args[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(args[0])
    failed = 0
    for path in args[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            failed += mode(path, binary, tmp) or 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
