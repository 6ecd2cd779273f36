# readme.sh - the README shows real output: every fenced example that starts
# with "$ costplan ..." (and is not piped) must match what that command
# prints now. Keeps the front door true to the code.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
python3 - "$COSTPLAN" <<'PY' >"$TMPD/results"
import re, subprocess, sys
binary = sys.argv[1]
blocks, cur = [], None
for line in open("README.md").read().split("\n"):
    if line.startswith("```"):
        if cur is None:
            cur = []
        else:
            blocks.append(cur)
            cur = None
    elif cur is not None:
        cur.append(line)
for lines in blocks:
    if not lines:
        continue
    if not lines[0].startswith("$ costplan ") or "|" in lines[0]:
        continue
    cmd = lines[0][2:]
    expected = []
    for l in lines[1:]:
        if l.startswith("$ "):
            break
        expected.append(l)
    expected = "\n".join(expected).rstrip("\n")
    p = subprocess.run(binary + cmd[len("costplan"):], shell=True, capture_output=True,
                       text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    got = (p.stdout + p.stderr).rstrip("\n")
    name = "README example: " + cmd
    if got == expected:
        print("ok - " + name)
    else:
        import difflib
        d = " ".join(list(difflib.unified_diff(expected.split("\n"), got.split("\n"), lineterm=""))[2:8])
        print("not ok - " + name + ": " + d)
PY
cat "$TMPD/results"
[ -s "$TMPD/results" ] || fail "README examples found"
