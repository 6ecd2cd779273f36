#!/bin/sh
# plan-mutations.sh - the plan reader against 60 damaged plans: values
# replaced by other JSON types, huge numbers, control characters, dangling
# references, keys removed (fixed seed, so a failure reproduces). Every run
# must end with 0, 1 or 3 and a message, never a signal or a sanitizer
# report (`make SANITIZE=address,undefined check` makes this bite harder).
. "$(dirname "$0")/../lib.sh"
python3 - "$ROOT" "$TMPD" <<'PY'
import json, os, random, subprocess, sys
root, tmp = sys.argv[1], sys.argv[2]
cp = os.environ["CP"].split()
rnd = random.Random(20261126)
names = ("guide-change", "modules", "unknowns", "regions", "state", "injection")
base = [json.load(open(f"{root}/tests/data/plans/{n}.json")) for n in names]
vals = [None, True, False, 0, -1, 1e300, -1e300, 2**62, "", "x" * 5000, "1 vCPU", "FARGATE_SPOT",
        [], {}, [None], [{}], {"a": [1]}, "arn:aws:ecs:us-east-1:1:task-definition/", "service/",
        "\u001b[31m", 0.5, "module.", "var.", "var.x", "module.a.b", "2.0"]
def mutate(o):
    if isinstance(o, dict):
        for k in list(o):
            r = rnd.random()
            if r < 0.04: o[k] = rnd.choice(vals)
            elif r < 0.06: del o[k]
            else: mutate(o[k])
    elif isinstance(o, list):
        for i in range(len(o)):
            if rnd.random() < 0.04: o[i] = rnd.choice(vals)
            else: mutate(o[i])
bad = []
codes = {}
for i in range(60):
    d = json.loads(json.dumps(rnd.choice(base)))
    mutate(d)
    f = f"{tmp}/m{i}.json"
    with open(f, "w") as fh:
        json.dump(d, fh)
    for args in (["diff", "--plan", f], ["diff", f, f, "--format", "markdown"]):
        p = subprocess.run(cp + args, capture_output=True, text=True, errors="replace")
        codes[p.returncode] = codes.get(p.returncode, 0) + 1
        if p.returncode not in (0, 1, 2, 3) or "Sanitizer" in p.stderr or "runtime error" in p.stderr \
                or (p.returncode == 3 and "costplan:" not in p.stderr):
            bad.append(f"m{i}.json {args[1]} exit {p.returncode}: {p.stderr[-300:]!r}")
if bad:
    print(f"not ok - damaged plans: {len(bad)} bad runs: {bad[0]}")
else:
    print(f"ok - damaged plans: 120 runs, exit codes {dict(sorted(codes.items()))}, no crash")
PY
