# install.sh - `make install` into a private prefix gives a costplan that
# finds its shipped prices and scenarios from any folder, and a man page.
. "$(dirname "$0")/../lib.sh"
src=$TMPD/src
mkdir -p "$src"
(cd "$ROOT" && git ls-files -z 2>/dev/null | xargs -0 -I{} cp --parents {} "$src" 2>/dev/null) ||
	cp -R "$ROOT/." "$src"
# a fresh build with this prefix compiled in (DATADIR is baked into the binary)
if (cd "$src" && make -s clean >/dev/null 2>&1; make -s PREFIX="$TMPD/prefix" install >"$TMPD/build.log" 2>&1); then
	ok "make install PREFIX=..."
else
	fail "make install PREFIX=..." "$(tail -5 "$TMPD/build.log" | tr '\n' ' ')"
fi
check "installed man page" test -s "$TMPD/prefix/share/man/man1/costplan.1"
check "installed price snapshot" test -s "$TMPD/prefix/share/costplan/pricing/aws/us-east-1/AmazonECS.csv"
want=$(cd "$ROOT" && $COSTPLAN breakdown --format json | sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p')
got=$(cd / && "$TMPD/prefix/bin/costplan" breakdown --format json | sed -n 's/^  "total_monthly_cost": \(.*\),$/\1/p')
expect_eq "installed binary prices the baseline from / like the source tree" "$want" "$got"
# DESTDIR staging puts everything under the stage, nothing outside it
if (cd "$src" && make -s DESTDIR="$TMPD/stage" PREFIX=/usr install >/dev/null 2>&1) &&
	[ -x "$TMPD/stage/usr/bin/costplan" ] && [ -f "$TMPD/stage/usr/share/man/man1/costplan.1" ]; then
	ok "make install DESTDIR=... PREFIX=/usr"
else
	fail "make install DESTDIR=... PREFIX=/usr"
fi
