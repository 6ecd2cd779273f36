# docs.sh - the documentation covers the tool, and holds together.
#
#   - README.md, the front door, stays at most 300 lines;
#   - every command in `costplan --help` answers --help (exit 0), has a page
#     docs/<command>.md and a section in the man page (src/costplan.1), and
#     README.md links to its page;
#   - every option a command's --help lists (and each `pricing SUB --help`)
#     appears on its docs page (outside code blocks; a subcommand's in the
#     page's section for it) and in its man page section (.SS <command>, or
#     .SS "<command> SUB"); the global options appear in docs/README.md and
#     the man page;
#   - every relative link in README.md and docs/*.md points to a file that
#     exists, and an #anchor to a heading of that page;
#   - every input and output of the composite action is in docs/diff.md;
#   - the man page formats without warnings (groff).
# Negative controls run each check on a broken copy and expect it to fail.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need python3 || exit 0

cat >"$TMPD/docs_check.py" <<'PY'
"""docs_check.py CHECK DIR COSTPLAN: run one check on the docs under DIR
(README.md, docs/, src/costplan.1); print TAP lines; exit 1 on a failure."""
import os, re, subprocess, sys

check, root, costplan = sys.argv[1], sys.argv[2], sys.argv[3]
failed = 0


def report(ok, name, why=""):
    global failed
    if ok:
        print("ok - " + name)
    else:
        failed += 1
        print("not ok - %s%s" % (name, ": " + why if why else ""))


def help_text(*args):
    p = subprocess.run([costplan, *args, "--help"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    return p.returncode, p.stdout


def commands():
    _, h = help_text()
    return re.findall(r"^  ([a-z]+)  ", h, re.M)


def options(text):
    """The options a --help text names: every --long token, and the short
    ones (-o, -h) where an option is listed or in a usage line."""
    opts = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", text))
    opts |= set(re.findall(r"(?<![\w-])-[a-zA-Z](?=[\s,\]]|$)", text, re.M))
    return opts


def unfenced(md):
    """A markdown text without its fenced code blocks."""
    out, fenced = [], False
    for line in md.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append(line)
    return "\n".join(out)


def has_option(text, opt):
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(opt), text) is not None


def md_section(md, needle):
    """The part of a markdown text from the heading containing needle to the
    next heading of the same or a higher level; None if there is none."""
    lines = md.split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"(#+) ", line)
        if m and needle in line:
            level, j = len(m.group(1)), i + 1
            while j < len(lines):
                m2 = re.match(r"(#+) ", lines[j])
                if m2 and len(m2.group(1)) <= level:
                    break
                j += 1
            return "\n".join(lines[i:j])
    return None


def man_sections(path):
    """{title: text} of the man page's .SH and .SS sections, the text with
    troff escapes for dashes and fonts taken out."""
    secs, title, buf = {}, None, []
    for line in open(path).read().split("\n"):
        m = re.match(r'\.S[HS] +"?([^"]*)"?\s*$', line)
        if m:
            if title is not None:
                secs[title] = "\n".join(buf)
            title, buf = m.group(1), []
            continue
        buf.append(line)
    if title is not None:
        secs[title] = "\n".join(buf)
    clean = {}
    for t, s in secs.items():
        s = s.replace("\\-", "-").replace("\\(aq", "'").replace("\\(en", "-")
        s = re.sub(r"\\f[BIRP]|\\f\(..|\\&|\\%", "", s)
        clean[t.replace("\\-", "-")] = s
    return clean


def slug(heading):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = text.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    seen, out = {}, set()
    for line in unfenced(open(path).read()).split("\n"):
        m = re.match(r"#+ +(.*)", line)
        if m:
            s = slug(m.group(1))
            n = seen.get(s, 0)
            seen[s] = n + 1
            out.add(s if n == 0 else "%s-%d" % (s, n))
    return out


def pages():
    d = os.path.join(root, "docs")
    return [os.path.join(root, "README.md")] + sorted(
        os.path.join(d, f) for f in os.listdir(d) if f.endswith(".md"))


def rel(p):
    return os.path.relpath(p, root)


if check == "readme-length":
    n = len(open(os.path.join(root, "README.md")).read().rstrip("\n").split("\n"))
    report(n <= 300, "README.md is at most 300 lines (%d)" % n)

elif check == "pages":
    man = man_sections(os.path.join(root, "src", "costplan.1"))
    readme = open(os.path.join(root, "README.md")).read()
    cmds = commands()
    report(len(cmds) > 0, "costplan --help lists commands")
    for c in cmds:
        rc, h = help_text(c)
        report(rc == 0 and ("usage: costplan " + c) in h, "costplan %s --help" % c, h[:200])
        page = os.path.join(root, "docs", c + ".md")
        report(os.path.isfile(page), "docs/%s.md exists" % c)
        report("](docs/%s.md)" % c in readme, "README.md links to docs/%s.md" % c)
        titles = [t for t in man if t == c or t.startswith(c + " ")]
        report(bool(titles), "man page has a section for %s" % c)

elif check == "options":
    man = man_sections(os.path.join(root, "src", "costplan.1"))
    for c in commands():
        page = os.path.join(root, "docs", c + ".md")
        if not os.path.isfile(page):
            report(False, "docs/%s.md exists" % c)
            continue
        md = unfenced(open(page).read())
        _, h = help_text(c)
        usage_subs = re.findall(r"^(?:usage:|      ) costplan %s ([a-z]+)" % c, h, re.M)
        groups = [(c, options(h), md, "\n".join(s for t, s in man.items()
                                                  if t == c or t.startswith(c + " ")))]
        for s in dict.fromkeys(usage_subs):
            _, sh = help_text(c, s)
            # a subcommand whose --help is the parent's: its own usage line
            sh = "\n".join(l for l in sh.split("\n")
                           if not re.search(r"costplan %s (?!%s )[a-z]+ " % (c, s), l)
                           and not re.match(r"  [a-z]+  +\S", l))
            sec_md = md_section(md, "%s %s" % (c, s)) or ""
            groups.append(("%s %s" % (c, s), options(sh), sec_md, man.get("%s %s" % (c, s), "")))
        for name, opts, text, mantext in groups:
            missing_md = sorted(o for o in opts if not has_option(text, o))
            missing_man = sorted(o for o in opts if not has_option(mantext, o))
            where = "docs/%s.md" % c if name == c else "docs/%s.md section '%s'" % (c, name)
            report(not missing_md and text != "",
                   "%s: every option of `costplan %s --help` is on %s (%d)" % (name, name, where, len(opts)),
                   "missing " + " ".join(missing_md) if text else "no section")
            report(not missing_man and mantext != "",
                   "%s: every option of `costplan %s --help` is in its man page section" % (name, name),
                   "missing " + " ".join(missing_man) if mantext else "no section")
    _, h = help_text()
    glob = options(h.split("commands:")[0])
    index = unfenced(open(os.path.join(root, "docs", "README.md")).read())
    mang = man.get("GLOBAL OPTIONS", "") + man.get("SYNOPSIS", "")
    report(all(has_option(index, o) for o in glob), "global options %s are in docs/README.md" % " ".join(sorted(glob)))
    report(all(has_option(mang, o) for o in glob), "global options are in the man page")

elif check == "links":
    for p in pages():
        text = unfenced(open(p).read())
        text = re.sub(r"`[^`\n]*`", "", text)  # code spans are not links
        bad = []
        links = re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", text)
        for target in links:
            if re.match(r"[a-z]+:", target):
                continue
            path, _, frag = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(p), path)) if path else p
            if not os.path.exists(dest):
                bad.append(target + " (no such file)")
            elif frag and dest.endswith(".md") and frag not in anchors(dest):
                bad.append(target + " (no such heading)")
        report(not bad, "%s: its %d relative links resolve" % (rel(p), len(links)), ", ".join(bad))
elif check == "action":
    import yaml
    action = yaml.safe_load(open(os.path.join(root, ".github", "actions", "costplan-diff", "action.yml")))
    md = unfenced(open(os.path.join(root, "docs", "diff.md")).read())
    names = list(action.get("inputs", {})) + list(action.get("outputs", {}))
    missing = [n for n in names if "`%s`" % n not in md]
    report(not missing, "every input and output of the composite action (%d) is in docs/diff.md" % len(names),
           "missing " + " ".join(missing))
else:
    sys.exit("unknown check " + check)
sys.exit(1 if failed else 0)
PY

for c in readme-length pages options links action; do
	python3 "$TMPD/docs_check.py" "$c" "$ROOT" "$COSTPLAN"
done
if need groff; then
	warn=$(groff -man -ww -z src/costplan.1 2>&1)
	expect_eq "man page formats without warnings" "" "$warn"
fi

# ---- negative controls: each check fails on a broken copy -----------------
neg() { # NAME CHECK: the check must fail on $TMPD/neg
	if python3 "$TMPD/docs_check.py" "$2" "$TMPD/neg" "$COSTPLAN" >"$TMPD/neg.out" 2>&1; then
		fail "negative control: $1" "the check passed: $(grep -v '^ok' "$TMPD/neg.out" | head -3)"
	else
		ok "negative control: $1"
	fi
}
copy() {
	rm -rf "$TMPD/neg"
	mkdir -p "$TMPD/neg/src"
	cp -R README.md docs "$TMPD/neg/" && cp src/costplan.1 "$TMPD/neg/src/" &&
		ln -s "$ROOT/pricing" "$ROOT/scenarios" "$ROOT/tests" "$ROOT/reports" "$ROOT/.github" "$ROOT/.ci" "$TMPD/neg/" &&
		ln -s "$ROOT/src/README.md" "$TMPD/neg/src/README.md"
}
copy
python3 "$TMPD/docs_check.py" links "$TMPD/neg" "$COSTPLAN" >/dev/null 2>&1 &&
	python3 "$TMPD/docs_check.py" options "$TMPD/neg" "$COSTPLAN" >/dev/null 2>&1 &&
	ok "negative controls: an untouched copy passes" || fail "negative controls: an untouched copy passes"
# an option taken out of its page (every mention outside code blocks)
sed -i 's/--fail-above-percent/--fail-above-pct/g' "$TMPD/neg/docs/diff.md"
neg "an option missing from its docs page" options
copy
sed -i 's/\\-\\-series\\-step/\\-\\-series/g' "$TMPD/neg/src/costplan.1"
neg "an option missing from its man page section" options
copy
python3 - "$TMPD/neg/docs/pricing.md" <<'PY'
import re, sys
p = sys.argv[1]
t = open(p).read()
# keep --endpoint only outside the fetch section
a = t.index("## `costplan pricing fetch`")
b = t.index("## `costplan pricing import`")
open(p, "w").write(t[:a] + t[a:b].replace("--endpoint", "--end-point") + t[b:])
PY
neg "a subcommand's option missing from its section" options
copy
rm "$TMPD/neg/docs/types.md"
neg "a command without a docs page" pages
copy
sed -i 's/^\.SS types$/.SS kinds/' "$TMPD/neg/src/costplan.1"
neg "a command without a man page section" pages
copy
echo 'See [the limits](contributing.md#limitz) and [nothing](nothing.md).' >>"$TMPD/neg/docs/formats.md"
neg "a broken link or anchor" links
copy
seq 1 300 >>"$TMPD/neg/README.md"
neg "a README over 300 lines" readme-length
copy
sed -i 's/`base-ref`/`base ref`/g' "$TMPD/neg/docs/diff.md"
neg "an action input missing from docs/diff.md" action
