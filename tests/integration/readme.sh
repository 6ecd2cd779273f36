# readme.sh - the README shows real output. In every plain ``` block (a
# block with a language, such as ```console, is illustrative), each line
# "$ costplan ARGS" (not piped) is run from the repo root and its output
# (stdout and stderr as they interleave) must equal the lines that follow, up to the next "$ "
# line. A last expected line "..." means "starts with these lines". A
# following "$ echo $?" line gives the expected exit code. Keeps the front
# door true to the code.
. "$(dirname "$0")/../lib.sh"
# run where outputs the examples write (-o budget.xlsx ...) land in scratch:
# a folder that links to the repo's data
mkdir -p "$TMPD/cwd"
for d in scenarios tests pricing reports src; do ln -s "$ROOT/$d" "$TMPD/cwd/$d"; done
cd "$ROOT" || exit 2
python3 - "$COSTPLAN" "$TMPD/cwd" <<'PY' >"$TMPD/results"
import difflib, subprocess, sys
binary, cwd = sys.argv[1], sys.argv[2]
blocks, cur, checked = [], None, False
for line in open("README.md").read().split("\n"):
    if line.startswith("```"):
        if cur is None:
            cur, checked = [], line == "```"  # ```console etc.: illustrative
        else:
            if checked:
                blocks.append(cur)
            cur = None
    elif cur is not None:
        cur.append(line)
for lines in blocks:
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.startswith("$ costplan ") or any(c in line for c in ("|", ">", "&&", ";")):
            continue
        cmd = line[2:]
        expected = []
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        want_rc = None
        if i + 1 < len(lines) and lines[i] == "$ echo $?":
            want_rc = int(lines[i + 1])
            i += 2
        expected = "\n".join(expected).rstrip("\n")
        # stderr merged in program order: costplan flushes stdout before a message
        p = subprocess.run(binary + cmd[len("costplan"):], shell=True, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, cwd=cwd,
                           env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin",
                                "COSTPLAN_STALE_DAYS": "0"})
        got = p.stdout.rstrip("\n")
        prefix = expected.endswith("\n...") or expected == "..."
        if prefix:
            expected = expected[:-4] if expected != "..." else ""
            same = got.startswith(expected)
        else:
            same = got == expected
        name = "README example: " + cmd
        if same and (want_rc is None or want_rc == p.returncode):
            print("ok - " + name)
        elif not same:
            d = " ".join(list(difflib.unified_diff(expected.split("\n"), got.split("\n"), lineterm=""))[2:8])
            print("not ok - " + name + ": " + d)
        else:
            print("not ok - %s: exit %d, README says %d" % (name, p.returncode, want_rc))
PY
cat "$TMPD/results"
grep -q . "$TMPD/results" || fail "README has runnable examples"
