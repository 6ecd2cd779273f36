#!/bin/sh
# workflows.sh - the GitHub Actions workflows and the composite action are
# valid YAML, and CI runs the README's test command: the test workflow
# calls .ci/run, .ci/run calls `make check`, and the README gives
# `make check` as its test command.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need python3 || exit 0
for f in .github/workflows/*.yml .github/actions/*/action.yml; do
	check "workflow: $f is valid YAML" python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f"
done
check "workflow: test.yml runs .ci/run on push and pull_request" python3 -c '
import sys, yaml
w = yaml.safe_load(open(".github/workflows/test.yml"))
on = w.get(True, w.get("on"))
assert "push" in on and "pull_request" in on, on
steps = [s.get("run", "") for j in w["jobs"].values() for s in j["steps"]]
assert any(".ci/run" in s for s in steps), steps
'
check "workflow: .ci/run calls make check" grep -qx 'make check' .ci/run
# the second line of the README's "Two commands" block
check "workflow: the README's test command is make check" python3 -c '
import re
t = open("README.md").read()
block = re.search(r"## Two commands.*?```sh\n(.*?)```", t, re.S).group(1).strip().split("\n")
assert len(block) == 2 and block[1].split("#")[0].strip() == "make check", block
'
