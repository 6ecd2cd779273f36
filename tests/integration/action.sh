#!/bin/sh
# action.sh - the composite action (.github/actions/costplan-diff) run for
# real, step by step as a runner runs it (tests/tools/run-action.py), in a
# git repository with a Terraform directory at a base and a head commit:
# directory mode prices both without terraform or AWS credentials, the
# outputs and the job summary agree with `costplan diff` of the two
# directories, a directory new in the head counts from an empty base, a
# guardrail fails the action after the summary is written, and a base
# commit missing from the checkout is a one-line error. The plan mode
# still works.
. "$(dirname "$0")/../lib.sh"
need git python3 jq || exit 0
ACTION=$ROOT/.github/actions/costplan-diff/action.yml
# its RUNNER_TEMP goes under $TMPD, removed at the end
RUN="env TMPDIR=$TMPD python3 $ROOT/tests/tools/run-action.py $ACTION"
TF=$ROOT/tests/data/tf

# no AWS credentials, and a terraform on PATH that only records being run
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
mkdir -p "$TMPD/bin"
printf '#!/bin/sh\necho "$*" >>"%s/terraform-ran"\nexit 1\n' "$TMPD" >"$TMPD/bin/terraform"
chmod +x "$TMPD/bin/terraform"
PATH=$TMPD/bin:$PATH
export PATH

repo=$TMPD/repo
mkdir -p "$repo/infra"
cd "$repo" || exit 2
git init -q -b main .
git config user.email ci@example.com
git config user.name ci
cp -R "$TF/diff-base/." infra/
git add -A && git commit -q -m base
base=$(git rev-parse HEAD)
rm -rf infra/*
cp -R "$TF/diff-head/." infra/
mkdir -p new && cp "$TF/diff-base/main.tf" new/
git add -A && git commit -q -m head

# the expected figures, from the command itself
$CP diff "$TF/diff-base" "$TF/diff-head" --format json >"$TMPD/want.json" 2>/dev/null
want_delta=$(jq -r .totals.delta "$TMPD/want.json")
want_total=$(jq -r .totals.after "$TMPD/want.json")

# 1. directory mode, base from the pull request event
$RUN --input directory=infra --input comment=false \
	--github event.pull_request.base.sha="$base" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "action: directory mode succeeds" 0 $?
expect_eq "action: monthly-delta as costplan diff of the two directories" \
	"monthly-delta=$want_delta" "$(grep '^monthly-delta=' "$TMPD/out")"
expect_eq "action: monthly-total as costplan diff" \
	"monthly-total=$want_total" "$(grep '^monthly-total=' "$TMPD/out")"
expect_eq "action: no guardrail" "guardrail=" "$(grep '^guardrail=' "$TMPD/out")"
summary=$(sed -n 's/^summary=//p' "$TMPD/out")
check "action: the job summary is the PR comment (marker first)" \
	sh -c "head -1 '$summary' | grep -qx '<!-- costplan-diff -->'"
check "action: the summary names the increase" \
	grep -q "Monthly cost will increase by \\\$$want_delta" "$summary"
check "action: the base side was read from a worktree of the base commit" \
	grep -q 'costplan\\-base\\/infra \\-&gt; infra' "$summary"

# 2. a directory the base does not have: everything in it is new
$RUN --input directory=new --input comment=false --input base-ref="$base" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "action: new directory succeeds" 0 $?
$CP breakdown "$TF/diff-base" --format json >"$TMPD/new.json" 2>/dev/null
expect_eq "action: new directory's delta is its whole bill" \
	"monthly-delta=$(jq -r .total_monthly_cost "$TMPD/new.json")" "$(grep '^monthly-delta=' "$TMPD/out")"
check "action: new directory is announced" grep -q '::notice title=costplan::new is new at the head' "$TMPD/out"

# 3. a guardrail fails the action, after the summary is written
$RUN --input directory=infra --input comment=false --input base-ref="$base" \
	--input fail-above-usd=10 >"$TMPD/out" 2>"$TMPD/err"
expect_eq "action: guardrail trips: exit 1" 1 $?
check "action: guardrail reason as an error annotation" \
	grep -q '::error title=costplan guardrail::monthly cost increase' "$TMPD/out" "$TMPD/err"
summary=$(sed -n 's/^summary=//p' "$TMPD/out")
check "action: the summary was written before the failure" grep -q 'Cost guardrail failed' "$summary"

# 4. variables reach both directories; one the base does not declare yet
# is a warning there, not an error
printf 'variable "nat" {\n  type = bool\n}\nresource "aws_nat_gateway" "n" {\n  count = var.nat ? 1 : 0\n}\n' >vars.tf
mkdir -p v && mv vars.tf v/main.tf
git add -A && git commit -q -m vars
$RUN --input directory=v --input comment=false --input base-ref="$base" \
	--input vars="nat=true" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "action: vars input reaches the directory" 0 $?
expect_eq "action: one NAT gateway's hours with nat=true" "monthly-delta=32.85" \
	"$(grep '^monthly-delta=' "$TMPD/out")"
summary=$(sed -n 's/^summary=//p' "$TMPD/out")
check "action: the base's undeclared variable is a warning in the comment" \
	grep -q 'var nat.*costplan\\-empty declares no such variable; ignored there' "$summary"

# 5. a base commit the checkout does not have (fetch-depth 1)
$RUN --input directory=infra --input comment=false \
	--input base-ref=0123456789abcdef0123456789abcdef01234567 >"$TMPD/out" 2>"$TMPD/err"
expect_eq "action: missing base commit: exit 2" 2 $?
check "action: missing base commit says to fetch it" grep -q 'fetch-depth: 0' "$TMPD/out" "$TMPD/err"

# 6. the plan mode is unchanged
$RUN --input plan="$ROOT/tests/data/plans/guide-change.json" --input comment=false >"$TMPD/out" 2>"$TMPD/err"
expect_eq "action: plan mode succeeds" 0 $?
$CP diff --plan "$ROOT/tests/data/plans/guide-change.json" --format json 2>/dev/null >"$TMPD/p.json"
expect_eq "action: plan mode delta" "monthly-delta=$(jq -r .totals.delta "$TMPD/p.json")" \
	"$(grep '^monthly-delta=' "$TMPD/out")"

check "action: terraform was never run" test ! -e "$TMPD/terraform-ran"
