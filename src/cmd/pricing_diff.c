/*
 * cmd_pricing_diff.c - `costplan pricing diff OLD NEW [--scenario S]
 *                       [--region R] [--format table|json|csv|markdown]`
 *
 * Which prices changed between two snapshot folders (OLD, NEW: folders
 * holding aws/<region>/...), by how much, and, with --scenario, what that
 * moves: the scenario is priced with both snapshots and each resource's
 * monthly cost is shown old, new and the difference. Exit 0 whether or
 * not anything changed (1 is for guardrails); 3 when a snapshot cannot be
 * read or the scenario cannot be priced with one of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/pricing.h"
#include "pricing/price_diff.h"
#include "util/escape.h"
#include "report/jsonw.h"
#include "report/report.h"
#include "util/error.h"
#include "util/paths.h"

static const char USAGE[] =
	"usage: costplan pricing diff OLD NEW [--scenario S] [--region R] [--format F] [-o FILE]\n"
	"\n"
	"Compare two price snapshot folders (each holding aws/<region>/<OfferCode>.csv):\n"
	"every price that changed, appeared or disappeared, with the change in USD and\n"
	"percent. With --scenario, also price that scenario with both snapshots and show\n"
	"what each resource's monthly cost moves.\n"
	"\n"
	"  --scenario S   scenario file to price with both (in --region, else the only\n"
	"                 region the snapshots hold, else the scenario's own)\n"
	"  --region R     compare this region only (and price the scenario there)\n"
	"  --format F     table (default), json, csv or markdown\n"
	"  -o FILE        write to FILE (atomically) instead of stdout\n";

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

static void table_prices(FILE *f, const struct price_change *v, size_t n, size_t counts[3])
{
	static const char *const kinds[] = {"changed", "added", "removed"};
	if (n)
		fprintf(f, "%-14s %-17s %-44s %13s %13s  %s\n", "REGION", "OFFER", "USAGE TYPE", "OLD",
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
		fprintf(f, "%-14s %-17s ", c->region, c->offer);
		term_write(f, ut);
		int pad = 44 - (int)strlen(ut);
		fprintf(f, "%*s %13s %13s  ", pad > 0 ? pad : 0, "", o, nw);
		if (c->kind == PC_CHANGED) {
			change_text(c->old_price, c->new_price, chg, sizeof(chg), pct, sizeof(pct));
			fprintf(f, "%s%s%s%s\n", chg, pct[0] ? " (" : "", pct, pct[0] ? "%)" : "");
		} else {
			fprintf(f, "%s\n", kinds[c->kind]);
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

struct pdiff {
	const char *old_dir, *new_dir;
	char *old_shown, *new_shown; /* as outputs show them: never absolute */
	struct price_change *ch;
	size_t nch;
	bool have_scen;
	struct breakdown bo, bn;
};

static int w_json(FILE *f, const void *data, const struct report_style *st)
{
	const struct pdiff *d = data;
	struct jsonw w;
	(void)st;
	jw_init(&w, f);
	jw_obj(&w);
	jw_key(&w, "old");
	jw_str(&w, d->old_shown);
	jw_key(&w, "new");
	jw_str(&w, d->new_shown);
	json_prices(&w, d->ch, d->nch);
	if (d->have_scen) {
		jw_key(&w, "scenario");
		jw_obj(&w);
		jw_key(&w, "name");
		jw_str(&w, d->bo.scenario);
		jw_key(&w, "region");
		jw_str(&w, d->bo.region);
		jw_key(&w, "resources");
		jw_arr(&w);
		for (size_t i = 0; i < d->bn.n; i++) {
			const struct cost_item *ni = &d->bn.items[i];
			const struct cost_item *oi = breakdown_item(&d->bo, ni->address);
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
		jw_money(&w, d->bo.total);
		jw_key(&w, "new_total_monthly_cost");
		jw_money(&w, d->bn.total);
		jw_key(&w, "change");
		jw_money(&w, dec_sub(d->bn.total, d->bo.total));
		jw_obj_end(&w);
	}
	jw_obj_end(&w);
	jw_end(&w);
	return 0;
}

static int w_table(FILE *f, const void *data, const struct report_style *st)
{
	const struct pdiff *d = data;
	size_t counts[3] = {0, 0, 0};
	(void)st;
	fprintf(f, "Prices: %s -> %s\n\n", d->old_shown, d->new_shown);
	table_prices(f, d->ch, d->nch, counts);
	fprintf(f, "%s%zu price%s changed, %zu added, %zu removed\n", d->nch ? "\n" : "",
		counts[0], counts[0] == 1 ? "" : "s", counts[1], counts[2]);
	if (!d->have_scen)
		return 0;
	char o[80], n[80], x[80];
	size_t moved = 0;
	fprintf(f, "\nScenario %s in %s, monthly cost:\n\n", d->bn.scenario, d->bn.region);
	fprintf(f, "%-44s %12s %12s %12s\n", "RESOURCE", "OLD", "NEW", "CHANGE");
	for (size_t i = 0; i < d->bn.n; i++) {
		const struct cost_item *ni = &d->bn.items[i];
		const struct cost_item *oi = breakdown_item(&d->bo, ni->address);
		dec ov = oi ? oi->total : dec_zero();
		if (dec_cmp(ov, ni->total) == 0)
			continue;
		moved++;
		money(ov, o, sizeof(o), false);
		money(ni->total, n, sizeof(n), false);
		money(dec_sub(ni->total, ov), x, sizeof(x), true);
		term_write(f, ni->address);
		int pad = 44 - (int)strlen(ni->address);
		fprintf(f, "%*s %12s %12s %12s\n", pad > 0 ? pad : 0, "", o, n, x);
	}
	if (!moved)
		fprintf(f, "(no resource changes cost)\n");
	money(d->bo.total, o, sizeof(o), false);
	money(d->bn.total, n, sizeof(n), false);
	money(dec_sub(d->bn.total, d->bo.total), x, sizeof(x), true);
	fprintf(f, "%-44s %12s %12s %12s\n", "TOTAL", o, n, x);
	return 0;
}

/* CSV: one row per price changed, added or removed; with --scenario, one
 * row per resource whose monthly cost moves and a TOTAL (kind "resource"). */
static int w_csv(FILE *f, const void *data, const struct report_style *st)
{
	static const char *const kinds[] = {"changed", "added", "removed"};
	const struct pdiff *d = data;
	char o[DEC_BUFSZ], nw[DEC_BUFSZ], chg[DEC_BUFSZ + 2], pct[DEC_BUFSZ + 2], at[200];
	(void)st;
	fputs("kind,status,region,offer,usage_type,family,attributes,unit,tier_begin,tier_end,old,new,"
	      "change,change_percent\r\n",
	      f);
	for (size_t i = 0; i < d->nch; i++) {
		const struct price_change *c = &d->ch[i];
		const struct price_entry *e = c->new_e ? c->new_e : c->old_e;
		price_diff_attrs(e, at, sizeof(at));
		fprintf(f, "price,%s,", kinds[c->kind]);
		char ud[64];
		const char *cells[] = {c->region, c->offer, e->usage_type, e->family, at,
				       price_unit_display(e->unit, ud, sizeof(ud))};
		for (size_t k = 0; k < 6; k++) {
			csv_write_text(f, cells[k]);
			fputc(',', f);
		}
		dec_format_trim(c->begin, o, sizeof(o));
		fprintf(f, "%s,", o);
		if (!c->end_inf) {
			dec_format_trim(c->end, o, sizeof(o));
			fputs(o, f);
		}
		o[0] = nw[0] = chg[0] = pct[0] = '\0';
		if (c->old_e)
			dec_format_trim(c->old_price, o, sizeof(o));
		if (c->new_e)
			dec_format_trim(c->new_price, nw, sizeof(nw));
		if (c->kind == PC_CHANGED)
			change_text(c->old_price, c->new_price, chg, sizeof(chg), pct, sizeof(pct));
		/* numbers without a leading '+': a spreadsheet reads them as numbers */
		fprintf(f, ",%s,%s,%s,%s\r\n", o, nw, chg[0] == '+' ? chg + 1 : chg,
			pct[0] == '+' ? pct + 1 : pct);
	}
	if (!d->have_scen)
		return 0;
	for (size_t i = 0; i <= d->bn.n; i++) {
		const struct cost_item *ni = i < d->bn.n ? &d->bn.items[i] : NULL;
		const struct cost_item *oi = ni ? breakdown_item(&d->bo, ni->address) : NULL;
		dec ov = ni ? (oi ? oi->total : dec_zero()) : d->bo.total;
		dec nv = ni ? ni->total : d->bn.total;
		if (ni && dec_cmp(ov, nv) == 0)
			continue;
		fputs("resource,,", f);
		csv_write_text(f, d->bn.region);
		fputs(",,", f);
		csv_write_text(f, ni ? ni->address : "TOTAL");
		fprintf(f, ",,,USD/month,,,%s,", dec_format(ov, 2, o, sizeof(o)));
		fprintf(f, "%s,", dec_format(nv, 2, nw, sizeof(nw)));
		fprintf(f, "%s,\r\n", dec_format(dec_sub(nv, ov), 2, chg, sizeof(chg)));
	}
	return 0;
}

/* Markdown: the changed prices as a table, and the scenario's resources. */
static int w_markdown(FILE *f, const void *data, const struct report_style *st)
{
	static const char *const kinds[] = {"changed", "added", "removed"};
	const struct pdiff *d = data;
	size_t counts[3] = {0, 0, 0};
	(void)st;
	fputs("## Price changes: ", f);
	md_write(f, d->old_shown);
	fputs(" &rarr; ", f);
	md_write(f, d->new_shown);
	fputs("\n\n", f);
	if (d->nch)
		fputs("| Region | Offer | Usage type | Old | New | Change |\n|---|---|---|---:|---:|---:|\n",
		      f);
	for (size_t i = 0; i < d->nch; i++) {
		const struct price_change *c = &d->ch[i];
		char ut[300], o[DEC_BUFSZ], nw[DEC_BUFSZ], chg[DEC_BUFSZ + 2], pct[DEC_BUFSZ + 2];
		usage_text(c, ut, sizeof(ut));
		strcpy(o, "-");
		strcpy(nw, "-");
		if (c->old_e)
			dec_format_trim(c->old_price, o, sizeof(o));
		if (c->new_e)
			dec_format_trim(c->new_price, nw, sizeof(nw));
		fputs("| ", f);
		md_write(f, c->region);
		fputs(" | ", f);
		md_write(f, c->offer);
		fputs(" | ", f);
		md_write(f, ut);
		fprintf(f, " | %s | %s | ", o, nw);
		if (c->kind == PC_CHANGED) {
			change_text(c->old_price, c->new_price, chg, sizeof(chg), pct, sizeof(pct));
			fprintf(f, "%s%s%s%s", chg, pct[0] ? " (" : "", pct, pct[0] ? "%)" : "");
		} else {
			fputs(kinds[c->kind], f);
		}
		fputs(" |\n", f);
		counts[c->kind]++;
	}
	fprintf(f, "%s%zu price%s changed, %zu added, %zu removed.\n", d->nch ? "\n" : "",
		counts[0], counts[0] == 1 ? "" : "s", counts[1], counts[2]);
	if (!d->have_scen)
		return 0;
	char o[80], n[80], x[80];
	fputs("\n### Scenario ", f);
	md_write(f, d->bn.scenario);
	fprintf(f, " in %s, monthly cost\n\n| Resource | Old | New | Change |\n|---|---:|---:|---:|\n",
		d->bn.region);
	for (size_t i = 0; i < d->bn.n; i++) {
		const struct cost_item *ni = &d->bn.items[i];
		const struct cost_item *oi = breakdown_item(&d->bo, ni->address);
		dec ov = oi ? oi->total : dec_zero();
		if (dec_cmp(ov, ni->total) == 0)
			continue;
		money(ov, o, sizeof(o), false);
		money(ni->total, n, sizeof(n), false);
		money(dec_sub(ni->total, ov), x, sizeof(x), true);
		fputs("| ", f);
		md_write(f, ni->address);
		fprintf(f, " | %s | %s | %s |\n", o, n, x);
	}
	money(d->bo.total, o, sizeof(o), false);
	money(d->bn.total, n, sizeof(n), false);
	money(dec_sub(d->bn.total, d->bo.total), x, sizeof(x), true);
	fprintf(f, "| **Total** | **%s** | **%s** | **%s** |\n", o, n, x);
	return 0;
}

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_CSV, w_csv},
	{FMT_MARKDOWN, w_markdown},
	{FMT_TABLE, NULL},
};

enum { OPT_SCENARIO = OPT_OWN, OPT_DIFF_REGION };

static const struct option OPTIONS[] = {
	{"scenario", required_argument, NULL, OPT_SCENARIO},
	{"region", required_argument, NULL, OPT_DIFF_REGION},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *scenario, *region;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	(void)a;
	if (o == OPT_SCENARIO)
		opt.scenario = arg;
	else if (o == OPT_DIFF_REGION)
		opt.region = arg;
	else
		return 0;
	return 1;
}

static int run(struct cmd_args *a)
{
	struct scenario_opts so = {0};
	struct pdiff d;
	size_t nreg = 0;
	char **regions;
	int rc;

	memset(&d, 0, sizeof(d));
	if (a->argc != 2)
		return cp_error(CP_EXIT_USAGE,
				"pricing diff needs two snapshot folders, OLD and NEW; see --help");
	d.old_dir = a->argv[0];
	d.new_dir = a->argv[1];
	so.region = opt.region;
	if (so.region) {
		regions = xcalloc(1, sizeof(char *));
		regions[0] = xstrdup(so.region);
		nreg = 1;
	} else {
		regions = price_diff_regions(d.old_dir, d.new_dir, &nreg);
	}
	if (!nreg) {
		free(regions);
		return cp_error(CP_EXIT_IO, "no price snapshot in %s/aws nor in %s/aws", d.old_dir,
				d.new_dir);
	}
	struct catalog *ca = catalog_new(d.old_dir), *cb = catalog_new(d.new_dir);
	if ((rc = price_diff(ca, cb, regions, nreg, &d.ch, &d.nch)))
		goto out;
	if (opt.scenario) {
		so.path = opt.scenario;
		if (!so.region && nreg == 1) /* snapshots of one region: price the scenario there */
			so.region = regions[0];
		if ((rc = scenario_delta(&so, ca, cb, &d.bo, &d.bn)))
			goto out;
		d.have_scen = true;
	}
	d.old_shown = paths_display(d.old_dir);
	d.new_shown = paths_display(d.new_dir);
	rc = cmd_write(a, &d);
	free(d.old_shown);
	free(d.new_shown);
out:
	if (d.have_scen) {
		breakdown_release(&d.bo);
		breakdown_release(&d.bn);
	}
	free(d.ch);
	catalog_free(ca);
	catalog_free(cb);
	for (size_t i = 0; i < nreg; i++)
		free(regions[i]);
	free(regions);
	return rc;
}

const struct cmd CMD_PRICING_DIFF = {
	.name = "pricing diff",
	.summary = "which prices changed between two snapshots",
	.usage = USAGE,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
