#!/usr/bin/env python3
"""run-action.py - run a composite GitHub action's steps here, as a runner would.

    run-action.py ACTION.yml [--input NAME=VALUE]... [--github PATH=VALUE]...

Runs in the current directory (the workspace). Each `run:` step goes to
bash with its `env:`, `${{ inputs.X }}`, `${{ github.X }}` and
`${{ steps.ID.outputs.X }}` substituted, and GITHUB_ENV, GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY files as the runner provides them; a step's `if:` of
the forms the action uses (A == 'x', A != '', joined by &&) decides
whether it runs. Inputs not given take their defaults. Stops at the first
failing step with its exit code; prints the outputs as NAME=VALUE lines on
stdout. Used by tests/integration/action.sh; it is no GitHub runner, only
enough of one to run this project's own action for real.
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml


def lookup(path, ctx):
    cur = ctx
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return ""
        cur = cur[part]
    return "" if cur is None else str(cur)


def operand(text, ctx):
    text = text.strip()
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1]
    if not re.fullmatch(r"[A-Za-z_][\w.-]*", text):
        sys.exit(f"run-action.py: cannot evaluate '{text}'")
    return lookup(text, ctx)


def condition(expr, ctx):
    expr = expr.strip()
    if expr.startswith("${{") and expr.endswith("}}"):
        expr = expr[3:-2]
    for part in expr.split("&&"):
        m = re.fullmatch(r"\s*(.+?)\s*(==|!=)\s*(.+?)\s*", part)
        if not m:
            sys.exit(f"run-action.py: cannot evaluate if: {expr}")
        a, op, b = operand(m.group(1), ctx), m.group(2), operand(m.group(3), ctx)
        if (a == b) != (op == "=="):
            return False
    return True


def substitute(text, ctx):
    return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", lambda m: operand(m.group(1), ctx), str(text))


def read_kv(path):
    """GITHUB_OUTPUT / GITHUB_ENV lines: NAME=VALUE (heredoc form too)."""
    out = {}
    lines = open(path).read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.fullmatch(r"([^=<]+)<<(\S+)", line)
        if m:
            name, delim, val = m.group(1), m.group(2), []
            i += 1
            while i < len(lines) and lines[i] != delim:
                val.append(lines[i])
                i += 1
            out[name] = "\n".join(val)
        elif "=" in line:
            name, val = line.split("=", 1)
            out[name] = val
        i += 1
    return out


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    action_path = os.path.abspath(args.pop(0))
    given, github = {}, {}
    while args:
        flag = args.pop(0)
        name, _, value = args.pop(0).partition("=")
        if flag == "--input":
            given[name] = value
        elif flag == "--github":
            cur = github
            parts = name.split(".")
            for p in parts[:-1]:
                cur = cur.setdefault(p, {})
            cur[parts[-1]] = value
        else:
            sys.exit(f"run-action.py: unknown option {flag}")
    action = yaml.safe_load(open(action_path))
    inputs = {}
    for name, spec in action.get("inputs", {}).items():
        inputs[name] = given.pop(name, str(spec.get("default", "")))
    if given:
        sys.exit(f"run-action.py: the action has no input {sorted(given)}")
    runner_temp = tempfile.mkdtemp(prefix="run-action.")
    files = {k: os.path.join(runner_temp, k) for k in ("env", "summary")}
    for f in files.values():
        open(f, "w").close()
    env_extra = {}
    steps = {}
    ctx = {"inputs": inputs, "github": github, "steps": steps}
    for step in action["runs"]["steps"]:
        sid = step.get("id", "")
        if "if" in step and not condition(step["if"], ctx):
            continue
        out = os.path.join(runner_temp, "output-" + str(len(steps)))
        open(out, "w").close()
        env = dict(os.environ)
        env.update(env_extra)
        env.update({
            "GITHUB_ACTION_PATH": os.path.dirname(action_path),
            "GITHUB_WORKSPACE": os.getcwd(),
            "RUNNER_TEMP": runner_temp,
            "GITHUB_ENV": files["env"],
            "GITHUB_OUTPUT": out,
            "GITHUB_STEP_SUMMARY": files["summary"],
        })
        for k, v in (step.get("env") or {}).items():
            env[k] = substitute(v, ctx)
        script = substitute(step["run"], ctx)
        print(f"# step: {step.get('name', sid)}", file=sys.stderr)
        if step.get("shell") != "bash":
            sys.exit(f"run-action.py: step {step.get('name', sid)}: only shell: bash")
        # as the runner runs `shell: bash`
        rc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail"] + (["-x"] if os.environ.get("RA_TRACE") else []) + ["-c", script],
                            env=env).returncode
        env_extra.update(read_kv(files["env"]))
        if sid:
            steps[sid] = {"outputs": read_kv(out)}
        if rc != 0:
            print(f"# step failed: {step.get('name', sid)} (exit {rc})", file=sys.stderr)
            for name, spec in action.get("outputs", {}).items():
                print(f"{name}={substitute(spec['value'], ctx)}")
            print(f"summary={files['summary']}")
            print(f"runner_temp={runner_temp}")
            return rc
    for name, spec in action.get("outputs", {}).items():
        print(f"{name}={substitute(spec['value'], ctx)}")
    print(f"summary={files['summary']}")
    print(f"runner_temp={runner_temp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
