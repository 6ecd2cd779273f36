/*
 * cmd_pricing_diff.c - `costplan pricing diff OLD NEW [--scenario S]
 *                       [--region R] [--format table|json]`
 *
 * Which prices changed between two snapshot folders (OLD, NEW: folders
 * holding aws/<region>/...), by how much, and, with --scenario, what that
 * moves: the scenario is priced with both snapshots and each resource's
 * monthly cost is shown old, new and the difference. Exit 0 whether or
 * not anything changed (1 is for guardrails); 3 when a snapshot cannot be
 * read or the scenario cannot be priced with one of them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "cmd/pricing.h"
#include "cost/engine.h"
#include "pricing/price_diff.h"
#include "util/escape.h"
#include "report/jsonw.h"
#include "report/report.h"
#include "util/error.h"

static const char USAGE[] =
	"usage: costplan pricing diff OLD NEW [--scenario S] [--region R] [--format table|json]\n"
	"\n"
	"Compare two price snapshot folders (each holding aws/<region>/<OfferCode>.csv):\n"
	"every price that changed, appeared or disappeared, with the change in USD and\n"
	"percent. With --scenario, also price that scenario with both snapshots and show\n"
	"what each resource's monthly cost moves.\n"
	"\n"
	"  --scenario S   scenario file to price with both (in --region, else the only\n"
	"                 region the snapshots hold, else the scenario's own)\n"
	"  --region R     compare this region only (and price the scenario there)\n"
	"  --format F     table (default) or json\n";

/* change and percent as text: "+0.004", "+8.33" (percent empty when old is 0) */
static void change_text(dec o, dec n, char *chg, size_t cs, char *pct, size_t ps)
{
	dec d = dec_sub(n, o), q, h;
	char b[DEC_BUFSZ];
	dec_format_trim(d, b, sizeof(b));
	snprintf(chg, cs, "%s%s", dec_cmp(d, dec_zero()) > 0 ? "+" : "", b);
	pct[0] = '\0';
	if (!dec_is_zero(o) && dec_div(d, o, &q) == 0 && dec_mul(q, dec_from_int(100), &h) == 0) {
		dec_format(dec_round(h, 2), 2, b, sizeof(b));
		snprintf(pct, ps, "%s%s", dec_cmp(h, dec_zero()) > 0 ? "+" : "", b);
	}
}

static void usage_text(const struct price_change *c, char *buf, size_t size)
{
	const struct price_entry *e = c->new_e ? c->new_e : c->old_e;
	char at[200], b0[DEC_BUFSZ], b1[DEC_BUFSZ];
	price_diff_attrs(e, at, sizeof(at));
	size_t o = (size_t)snprintf(buf, size, "%s", e->usage_type);
	if (at[0] && o < size)
		o += (size_t)snprintf(buf + o, size - o, " (%s)", at);
	if (e->ntiers > 1 && o < size) {
		dec_format_trim(c->begin, b0, sizeof(b0));
		if (c->end_inf)
			strcpy(b1, "Inf");
		else
			dec_format_trim(c->end, b1, sizeof(b1));
		snprintf(buf + o, size - o, " [%s-%s]", b0, b1);
	}
}

static void json_prices(struct jsonw *w, const struct price_change *v, size_t n)
{
	static const char *const kinds[] = {"changed", "added", "removed"};
	jw_key(w, "prices");
	jw_arr(w);
	for (size_t i = 0; i < n; i++) {
		const struct price_change *c = &v[i];
		const struct price_entry *e = c->new_e ? c->new_e : c->old_e;
		char at[200], chg[DEC_BUFSZ + 2], pct[DEC_BUFSZ + 2];
		price_diff_attrs(e, at, sizeof(at));
		jw_obj(w);
		jw_key(w, "status");
		jw_str(w, kinds[c->kind]);
		jw_key(w, "region");
		jw_str(w, c->region);
		jw_key(w, "offer");
		jw_str(w, c->offer);
		jw_key(w, "usage_type");
		jw_str(w, e->usage_type);
		jw_key(w, "family");
		jw_str(w, e->family);
		jw_key(w, "attributes");
		jw_str(w, at);
		jw_key(w, "unit");
		jw_str(w, e->unit);
		jw_key(w, "tier_begin");
		jw_dec(w, c->begin);
		jw_key(w, "tier_end");
		if (c->end_inf)
			jw_null(w);
		else
			jw_dec(w, c->end);
		jw_key(w, "old_price");
		if (c->old_e)
			jw_dec(w, c->old_price);
		else
			jw_null(w);
		jw_key(w, "new_price");
		if (c->new_e)
			jw_dec(w, c->new_price);
		else
			jw_null(w);
		if (c->kind == PC_CHANGED) {
			change_text(c->old_price, c->new_price, chg, sizeof(chg), pct, sizeof(pct));
			jw_key(w, "change");
			jw_dec(w, dec_sub(c->new_price, c->old_price));
			jw_key(w, "change_percent");
			if (pct[0])
				jw_num_text(w, pct[0] == '+' ? pct + 1 : pct);
			else
				jw_null(w);
		}
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void table_prices(const struct price_change *v, size_t n, size_t counts[3])
{
	static const char *const kinds[] = {"changed", "added", "removed"};
	if (n)
		printf("%-14s %-17s %-44s %13s %13s  %s\n", "REGION", "OFFER", "USAGE TYPE", "OLD",
		       "NEW", "CHANGE");
	for (size_t i = 0; i < n; i++) {
		const struct price_change *c = &v[i];
		char ut[300], o[DEC_BUFSZ], nw[DEC_BUFSZ], chg[DEC_BUFSZ + 2], pct[DEC_BUFSZ + 2];
		usage_text(c, ut, sizeof(ut));
		strcpy(o, "-");
		strcpy(nw, "-");
		if (c->old_e)
			dec_format_trim(c->old_price, o, sizeof(o));
		if (c->new_e)
			dec_format_trim(c->new_price, nw, sizeof(nw));
		printf("%-14s %-17s ", c->region, c->offer);
		term_write(stdout, ut);
		int pad = 44 - (int)strlen(ut);
		printf("%*s %13s %13s  ", pad > 0 ? pad : 0, "", o, nw);
		if (c->kind == PC_CHANGED) {
			change_text(c->old_price, c->new_price, chg, sizeof(chg), pct, sizeof(pct));
			printf("%s%s%s%s\n", chg, pct[0] ? " (" : "", pct, pct[0] ? "%)" : "");
		} else {
			printf("%s\n", kinds[c->kind]);
		}
		counts[c->kind]++;
	}
}

/* Price the scenario with both catalogs. */
static int scenario_delta(const struct scenario_opts *so, struct catalog *ca,
			  struct catalog *cb, struct breakdown *bo, struct breakdown *bn)
{
	struct scenario s;
	struct cost_options co;
	int rc;
	if ((rc = scenario_opts_load(so, &s)))
		return rc;
	scenario_opts_cost(so, &co);
	rc = cost_breakdown(&s, ca, &co, bo);
	if (rc) {
		cp_error(rc, "cannot price the scenario with the OLD snapshot %s", ca->dir);
	} else if ((rc = cost_breakdown(&s, cb, &co, bn))) {
		cp_error(rc, "cannot price the scenario with the NEW snapshot %s", cb->dir);
		breakdown_release(bo);
	}
	scenario_release(&s);
	return rc;
}

static void money(dec v, char *buf, size_t size, bool sign)
{
	char b[DEC_BUFSZ];
	dec a = dec_cmp(v, dec_zero()) < 0 ? dec_neg(v) : v;
	dec_format(a, 2, b, sizeof(b));
	snprintf(buf, size, "%s$%s",
		 dec_cmp(v, dec_zero()) < 0 ? "-" : (sign && !dec_is_zero(v) ? "+" : ""), b);
}

int pricing_diff(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		{"scenario", required_argument, NULL, 's'},
		{"region", required_argument, NULL, 'r'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	enum report_format fmt = FMT_TABLE;
	const char *scen = NULL;
	int opt, rc = 0;
	(void)ctx;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			scen = optarg;
			break;
		case 'r':
			so.region = optarg;
			break;
		case 'f':
			if ((rc = report_format_parse(optarg, 1u << FMT_TABLE | 1u << FMT_JSON, &fmt)))
				return rc;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("pricing diff", argv);
		}
	}
	if (argc - optind != 2)
		return cp_error(CP_EXIT_USAGE, "pricing diff needs two snapshot folders, OLD and NEW; see --help");
	const char *da = argv[optind], *db = argv[optind + 1];
	size_t nreg = 0, nch = 0;
	char **regions;
	if (so.region) {
		regions = xcalloc(1, sizeof(char *));
		regions[0] = xstrdup(so.region);
		nreg = 1;
	} else {
		regions = price_diff_regions(da, db, &nreg);
	}
	if (!nreg) {
		free(regions);
		return cp_error(CP_EXIT_DATA, "no price snapshot in %s/aws nor in %s/aws", da, db);
	}
	struct catalog *ca = catalog_new(da), *cb = catalog_new(db);
	struct price_change *ch = NULL;
	struct breakdown bo, bn;
	bool have_scen = false;
	size_t counts[3] = {0, 0, 0};

	if ((rc = price_diff(ca, cb, regions, nreg, &ch, &nch)))
		goto out;
	if (scen) {
		so.path = scen;
		if (!so.region && nreg == 1) /* snapshots of one region: price the scenario there */
			so.region = regions[0];
		if ((rc = scenario_delta(&so, ca, cb, &bo, &bn)))
			goto out;
		have_scen = true;
	}
	if (fmt == FMT_JSON) {
		struct jsonw w;
		jw_init(&w, stdout);
		jw_obj(&w);
		jw_key(&w, "old");
		jw_str(&w, da);
		jw_key(&w, "new");
		jw_str(&w, db);
		json_prices(&w, ch, nch);
		if (have_scen) {
			jw_key(&w, "scenario");
			jw_obj(&w);
			jw_key(&w, "name");
			jw_str(&w, bo.scenario);
			jw_key(&w, "region");
			jw_str(&w, bo.region);
			jw_key(&w, "resources");
			jw_arr(&w);
			for (size_t i = 0; i < bn.n; i++) {
				const struct cost_item *ni = &bn.items[i];
				const struct cost_item *oi = breakdown_item(&bo, ni->address);
				dec ov = oi ? oi->total : dec_zero();
				jw_obj(&w);
				jw_key(&w, "address");
				jw_str(&w, ni->address);
				jw_key(&w, "old_monthly_cost");
				jw_money(&w, ov);
				jw_key(&w, "new_monthly_cost");
				jw_money(&w, ni->total);
				jw_key(&w, "change");
				jw_money(&w, dec_sub(ni->total, ov));
				jw_obj_end(&w);
			}
			jw_arr_end(&w);
			jw_key(&w, "old_total_monthly_cost");
			jw_money(&w, bo.total);
			jw_key(&w, "new_total_monthly_cost");
			jw_money(&w, bn.total);
			jw_key(&w, "change");
			jw_money(&w, dec_sub(bn.total, bo.total));
			jw_obj_end(&w);
		}
		jw_obj_end(&w);
		jw_end(&w);
	} else {
		printf("Prices: %s -> %s\n\n", da, db);
		table_prices(ch, nch, counts);
		printf("%s%zu price%s changed, %zu added, %zu removed\n", nch ? "\n" : "", counts[0],
		       counts[0] == 1 ? "" : "s", counts[1], counts[2]);
		if (have_scen) {
			char o[80], n[80], d[80];
			size_t moved = 0;
			printf("\nScenario %s in %s, monthly cost:\n\n", bn.scenario, bn.region);
			printf("%-44s %12s %12s %12s\n", "RESOURCE", "OLD", "NEW", "CHANGE");
			for (size_t i = 0; i < bn.n; i++) {
				const struct cost_item *ni = &bn.items[i];
				const struct cost_item *oi = breakdown_item(&bo, ni->address);
				dec ov = oi ? oi->total : dec_zero();
				if (dec_cmp(ov, ni->total) == 0)
					continue;
				moved++;
				money(ov, o, sizeof(o), false);
				money(ni->total, n, sizeof(n), false);
				money(dec_sub(ni->total, ov), d, sizeof(d), true);
				term_write(stdout, ni->address);
				int pad = 44 - (int)strlen(ni->address);
				printf("%*s %12s %12s %12s\n", pad > 0 ? pad : 0, "", o, n, d);
			}
			if (!moved)
				printf("(no resource changes cost)\n");
			money(bo.total, o, sizeof(o), false);
			money(bn.total, n, sizeof(n), false);
			money(dec_sub(bn.total, bo.total), d, sizeof(d), true);
			printf("%-44s %12s %12s %12s\n", "TOTAL", o, n, d);
		}
	}
out:
	if (have_scen) {
		breakdown_release(&bo);
		breakdown_release(&bn);
	}
	free(ch);
	catalog_free(ca);
	catalog_free(cb);
	for (size_t i = 0; i < nreg; i++)
		free(regions[i]);
	free(regions);
	return rc;
}
