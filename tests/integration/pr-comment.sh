#!/bin/sh
# pr-comment.sh - .ci/pr-comment, the step that keeps one PR comment up to
# date, against a stand-in `gh` that records its calls and answers the
# comment listing from a file: the first run creates the comment, the next
# updates it in place, a marker in someone else's comment is left alone,
# and a body without the marker is refused.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMPD/bin"
cat >"$TMPD/bin/gh" <<'GH'
#!/bin/sh
# fake gh: log the call; "api .../comments --paginate --jq F" applies F to the
# stored comment list with the real jq, POST appends, PATCH rewrites.
echo "$*" >>"$GHLOG"
[ "$1" = api ] || exit 3
shift
case "$1" in
-X) method=$2; url=$3; shift 3 ;;
*) method=GET; url=$1; shift ;;
esac
if [ "$method" = GET ]; then
	[ "$1" = --paginate ] && [ "$2" = --jq ] || exit 4
	jq -r "$3" "$GHSTORE"
	exit
fi
[ "$1" = -F ] || exit 5
file=${2#body=@}
case $method in
POST) jq --rawfile b "$file" '. + [{id: (length + 100), user: {login: "github-actions[bot]"}, body: $b}]' "$GHSTORE" >"$GHSTORE.new" ;;
PATCH) id=${url##*/}; jq --rawfile b "$file" --argjson id "$id" 'map(if .id == $id then .body = $b else . end)' "$GHSTORE" >"$GHSTORE.new" ;;
esac
mv "$GHSTORE.new" "$GHSTORE"
echo '{}'
GH
chmod +x "$TMPD/bin/gh"
GHLOG=$TMPD/gh.log GHSTORE=$TMPD/comments.json PATH=$TMPD/bin:$PATH
GITHUB_REPOSITORY=acme/infra PR_NUMBER=7
export GHLOG GHSTORE PATH GITHUB_REPOSITORY PR_NUMBER
# someone else quoted the marker in their own comment
printf '%s\n' '[{"id": 1, "user": {"login": "mallory"}, "body": "<!-- costplan-diff -->\nfake"}]' >"$GHSTORE"

$CP diff --plan "$ROOT/tests/data/plans/guide-change.json" --format markdown >"$TMPD/c1.md" 2>/dev/null
"$ROOT/.ci/pr-comment" "$TMPD/c1.md" >"$TMPD/o1" 2>&1
expect_eq "first run: exit 0" 0 $?
check "first run: created" grep -q 'created a comment' "$TMPD/o1"
expect_eq "first run: two comments now" 2 "$(jq length "$GHSTORE")"
expect_eq "first run: mallory's comment untouched" "fake" "$(jq -r '.[0].body' "$GHSTORE" | tail -1)"
check "first run: POST to the PR's comments" grep -q 'api -X POST repos/acme/infra/issues/7/comments -F body=@' "$GHLOG"

$CP diff --plan "$ROOT/tests/data/plans/destroy.json" --format markdown >"$TMPD/c2.md" 2>/dev/null
"$ROOT/.ci/pr-comment" "$TMPD/c2.md" >"$TMPD/o2" 2>&1
expect_eq "second run: exit 0" 0 $?
check "second run: updated comment 101" grep -q 'updated comment 101' "$TMPD/o2"
expect_eq "second run: still two comments" 2 "$(jq length "$GHSTORE")"
check "second run: body replaced" sh -c "jq -r '.[1].body' '$GHSTORE' | grep -q 'will decrease by \\\$60.23'"

printf 'no marker\n' >"$TMPD/bad.md"
"$ROOT/.ci/pr-comment" "$TMPD/bad.md" >/dev/null 2>&1
expect_eq "body without the marker: refused (exit 2)" 2 $?
PR_NUMBER='7;rm' "$ROOT/.ci/pr-comment" "$TMPD/c1.md" >/dev/null 2>&1
expect_eq "non-numeric PR number: refused (exit 2)" 2 $?
