# install.sh - costplan runs from anywhere: the built binary from another
# folder, the installed one after `make` then `make install PREFIX=...`
# (no rebuild: nothing is compiled in), a DESTDIR staging, and
# COSTPLAN_DATA / COSTPLAN_PRICING. Each prices the baseline and a plan
# with no environment at all (env -i), and a missing data folder is an I/O
# error (exit 4) whose hint names what to set.
. "$(dirname "$0")/../lib.sh"
need make env || exit 0
work=$TMPD/elsewhere
mkdir -p "$work"
cp "$ROOT/tests/data/plans/guide-change.json" "$work/plan.json"
# the reference figures, from the source tree
want=$(cd "$ROOT" && $COSTPLAN breakdown --format json | sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p')
want_plan=$(cd "$ROOT" && $COSTPLAN breakdown --plan tests/data/plans/guide-change.json --format json 2>/dev/null |
	sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p')
[ -n "$want" ] && [ -n "$want_plan" ] && ok "reference totals from the source tree" ||
	fail "reference totals from the source tree" "baseline '$want', plan '$want_plan'"
# total BINARY [ARGS...]: the JSON total, run from $work with no environment
total() {
	b=$1
	shift
	(cd "$work" && env -i "$b" "$@" --format json 2>"$TMPD/total.err") |
		sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p'
}

# 1. the built binary, from another folder: data beside the executable
tree=$TMPD/tree
mkdir -p "$tree"
cp "$COSTPLAN" "$tree/costplan"
ln -s "$ROOT/pricing" "$tree/pricing"
ln -s "$ROOT/scenarios" "$tree/scenarios"
expect_eq "built binary, another folder, no environment: the baseline" "$want" "$(total "$tree/costplan" breakdown)"
expect_eq "built binary, another folder, no environment: a plan" "$want_plan" \
	"$(total "$tree/costplan" breakdown --plan plan.json)"
# a symbolic link to the binary finds the data of the binary it points to
ln -s "$tree/costplan" "$work/cp-link"
expect_eq "a symbolic link to the binary finds its data" "$want" "$(total "$work/cp-link" breakdown)"

# 2. make, then make install PREFIX=... with that binary (-o: not rebuilt)
src=$TMPD/src
mkdir -p "$src"
(cd "$ROOT" && git ls-files -z 2>/dev/null | xargs -0 -I{} cp --parents {} "$src" 2>/dev/null) ||
	cp -R "$ROOT/." "$src"
cp "$COSTPLAN" "$src/costplan"
if (cd "$src" && make -s -o costplan PREFIX="$TMPD/prefix" install >"$TMPD/build.log" 2>&1); then
	ok "make install PREFIX=... (the binary already built, not rebuilt)"
else
	fail "make install PREFIX=..." "$(tail -5 "$TMPD/build.log" | tr '\n' ' ')"
fi
check "installed binary is the built one" cmp "$COSTPLAN" "$TMPD/prefix/bin/costplan"
check "installed man page" test -s "$TMPD/prefix/share/man/man1/costplan.1"
check "installed price snapshot" test -s "$TMPD/prefix/share/costplan/pricing/aws/us-east-1/AmazonECS.csv"
check "installed upgrade steps" test -s "$TMPD/prefix/share/costplan/scenarios/upgrades/01-container-insights.json"
I=$TMPD/prefix/bin/costplan
expect_eq "installed binary prices the baseline from elsewhere, no environment" "$want" "$(total "$I" breakdown)"
expect_eq "installed binary prices a plan from elsewhere, no environment" "$want_plan" \
	"$(total "$I" breakdown --plan plan.json)"
up=$(cd "$work" && env -i "$I" upgrades --format json 2>/dev/null | grep -c '"id"')
[ "${up:-0}" -gt 5 ] && ok "installed binary finds the upgrade steps" ||
	fail "installed binary finds the upgrade steps" "$up step ids"
# the prefix moved elsewhere still works: found from the executable
mv "$TMPD/prefix" "$TMPD/moved"
expect_eq "a moved prefix still finds its data" "$want" "$(total "$TMPD/moved/bin/costplan" breakdown)"

# 3. DESTDIR staging puts everything under the stage, and the staged
# binary already finds its data there
if (cd "$src" && make -s -o costplan DESTDIR="$TMPD/stage" PREFIX=/usr install >/dev/null 2>&1) &&
	[ -x "$TMPD/stage/usr/bin/costplan" ] && [ -f "$TMPD/stage/usr/share/man/man1/costplan.1" ] &&
	[ -d "$TMPD/stage/usr/share/costplan/scenarios" ]; then
	ok "make install DESTDIR=... PREFIX=/usr"
else
	fail "make install DESTDIR=... PREFIX=/usr"
fi
expect_eq "the staged binary prices the baseline" "$want" "$(total "$TMPD/stage/usr/bin/costplan" breakdown)"

# 4. no data anywhere: exit 4, and the hint names COSTPLAN_DATA
mkdir -p "$TMPD/bare"
cp "$COSTPLAN" "$TMPD/bare/costplan"
(cd "$work" && env -i "$TMPD/bare/costplan" breakdown >/dev/null 2>"$TMPD/bare.err")
rc=$?
expect_eq "no data found: exit 4" 4 "$rc"
check "no data found: the hint names COSTPLAN_DATA" grep -q 'set COSTPLAN_DATA' "$TMPD/bare.err"
# ... and following the hint works
got=$(cd "$work" && env -i COSTPLAN_DATA="$ROOT" "$TMPD/bare/costplan" breakdown --format json 2>/dev/null |
	sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p')
expect_eq "COSTPLAN_DATA=<checkout> finds scenarios and prices" "$want" "$got"
# COSTPLAN_DATA wins over the data beside the executable: a changed baseline
mkdir -p "$TMPD/mydata/scenarios"
sed 's/"desired_count": 1/"desired_count": 3/' "$ROOT/scenarios/baseline.json" >"$TMPD/mydata/scenarios/baseline.json"
mine=$(cd "$work" && env -i COSTPLAN_DATA="$TMPD/mydata" "$tree/costplan" breakdown --format json 2>/dev/null |
	sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p')
[ -n "$mine" ] && [ "$mine" != "$want" ] && ok "COSTPLAN_DATA's scenarios come first (total $mine)" ||
	fail "COSTPLAN_DATA's scenarios come first" "got '$mine', baseline '$want'"
# COSTPLAN_PRICING names the snapshot: an empty one is exit 4 with a fetch hint
mkdir -p "$TMPD/nopricing"
(cd "$work" && env -i COSTPLAN_PRICING="$TMPD/nopricing" "$tree/costplan" breakdown >/dev/null 2>"$TMPD/np.err")
rc=$?
expect_eq "an empty COSTPLAN_PRICING: exit 4" 4 "$rc"
check "an empty COSTPLAN_PRICING: the hint is a fetch command" grep -q 'run `costplan pricing fetch --region us-east-1`' "$TMPD/np.err"
# a missing plan file is I/O too
(cd "$work" && env -i "$TMPD/moved/bin/costplan" breakdown --plan no-such-plan.json >/dev/null 2>&1)
rc=$?
expect_eq "a missing plan file: exit 4" 4 "$rc"
