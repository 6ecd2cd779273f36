/*
 * upgrades_md.c - `costplan upgrades --format markdown`: the upgrade path
 * as GitHub-flavoured markdown (reports/upgrade-path.md). Every text from
 * the step files goes through md_write().
 */
#include <stdlib.h>

#include "util/escape.h"
#include "report/upgrades.h"

static void range_cell(FILE *f, const struct priced *p)
{
	char lo[DEC_BUFSZ * 2], hi[DEC_BUFSZ * 2];
	if (p->has_range)
		fprintf(f, "%s to %s", dec_format_usd(p->low, lo, sizeof(lo)),
			dec_format_usd(p->high, hi, sizeof(hi)));
}

void report_upgrades_markdown(FILE *f, const struct upgrade_path *p)
{
	const struct breakdown *b = &p->baseline.b;
	char c1[DEC_BUFSZ * 2], c2[DEC_BUFSZ * 2], pub[96], buf[1024];

	report_prices_valid(b, pub, sizeof(pub));
	fputs("## Upgrade path: ", f);
	md_write(f, b->scenario);
	fprintf(f, " (%s)\n\n", b->region);
	fprintf(f,
		"**Baseline %s a month; production (all %zu steps) %s a month, %s.** USD, %d "
		"hours a month, %s.\n\n",
		dec_format_usd(p->baseline.total, c1, sizeof(c1)), p->nsteps,
		dec_format_usd(p->production.total, c2, sizeof(c2)),
		report_delta(dec_sub(p->production.total, p->baseline.total), buf, sizeof(buf)),
		HOURS_PER_MONTH, pub);
	for (size_t i = 0; i < b->nnotes; i++) {
		fputs("> ", f);
		md_write(f, b->notes[i]);
		fputs("\n", f);
	}
	if (b->nnotes)
		fputs("\n", f);

	fputs("### Each step alone on the baseline\n\n", f);
	fputs("| # | Step | Monthly delta | New total | Auto-scaling range | Take it when |\n", f);
	fputs("|---:|---|---:|---:|---|---|\n", f);
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct upgrade_result *r = &p->results[i];
		fprintf(f, "| %d | ", r->step->order);
		md_write(f, r->step->title);
		fprintf(f, " | %s | %s | ", report_delta(r->alone_delta, c1, sizeof(c1)),
			dec_format_usd(r->alone.total, c2, sizeof(c2)));
		range_cell(f, &r->alone);
		fputs(" | ", f);
		md_write(f, r->step->signal);
		fputs(" |\n", f);
		for (size_t v = 0; v < r->nvariants; v++) {
			fputs("|  | *", f);
			md_write(f, r->variants[v].variant->label);
			fprintf(f, "* | %s | %s |  |  |\n",
				report_delta(r->variants[v].delta, c1, sizeof(c1)),
				dec_format_usd(r->variants[v].total, c2, sizeof(c2)));
		}
	}

	fputs("\n### The cumulative path, in the guide's order\n\n", f);
	fputs("| # | Step | Step adds | Running total | Why |\n|---:|---|---:|---:|---|\n", f);
	fprintf(f, "|  | Baseline |  | %s |  |\n", dec_format_usd(p->baseline.total, c2, sizeof(c2)));
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct upgrade_result *r = &p->results[i];
		fprintf(f, "| %d | ", r->step->order);
		md_write(f, r->step->title);
		fprintf(f, " | %s | %s | ", report_delta(r->cumulative_delta, c1, sizeof(c1)),
			dec_format_usd(r->cumulative.total, c2, sizeof(c2)));
		md_write(f, r->step->rationale);
		fputs(" |\n", f);
	}
	fprintf(f, "|  | **Production** | **%s** | **%s** | ",
		report_delta(dec_sub(p->production.total, p->baseline.total), c1, sizeof(c1)),
		dec_format_usd(p->production.total, c2, sizeof(c2)));
	if (p->production.has_range) {
		fputs("auto-scaled services at min to max tasks: ", f);
		range_cell(f, &p->production);
	}
	fputs(" |\n", f);

	if (p->n > p->nsteps) {
		fputs("\n### Alternatives\n\n", f);
		fprintf(f,
			"Each priced alone, against the baseline (%s) and against production "
			"(%s).\n\n",
			dec_format_usd(p->baseline.total, c1, sizeof(c1)),
			dec_format_usd(p->production.total, c2, sizeof(c2)));
		fputs("| Alternative | On the baseline | On production | Verdict | Take it when |\n",
		      f);
		fputs("|---|---:|---:|---|---|\n", f);
		for (size_t i = p->nsteps; i < p->n; i++) {
			const struct upgrade_result *r = &p->results[i];
			fputs("| ", f);
			md_write(f, r->step->title);
			fprintf(f, " | %s | %s | ", report_delta(r->alone_delta, c1, sizeof(c1)),
				report_delta(r->cumulative_delta, c2, sizeof(c2)));
			md_write(f, report_verdict(r, buf, sizeof(buf)));
			fputs(" | ", f);
			md_write(f, r->step->signal);
			fputs(" |\n", f);
		}
	}

	fputs("\n### What each one changes\n\nEach step or alternative alone on the baseline, "
	      "resource by resource.\n\n| Step | Resource | Before | After | Delta |\n"
	      "|---|---|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < p->n; i++) {
		const struct upgrade_result *r = &p->results[i];
		struct item_change *ch;
		size_t n = breakdown_changes(&p->baseline.b, &r->alone.b, &ch);
		if (n == 0) {
			fputs("| ", f);
			md_write(f, r->step->title);
			fputs(" | *no priced resource changes* |  |  | $0.00 |\n", f);
		}
		for (size_t k = 0; k < n; k++) {
			fputs("| ", f);
			if (k == 0)
				md_write(f, r->step->title);
			fputs(" | ", f);
			md_write(f, ch[k].address);
			fprintf(f, " | %s | ", ch[k].in_before ? dec_format_usd(ch[k].before, c1, sizeof(c1)) : "-");
			fprintf(f, "%s | %s |\n",
				ch[k].in_after ? dec_format_usd(ch[k].after, c2, sizeof(c2)) : "-",
				report_delta(ch[k].delta, buf, sizeof(buf)));
		}
		free(ch);
	}

	int any = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct upgrade_step *s = p->results[i].step;
		for (size_t j = 0; j < s->nassumptions; j++) {
			const struct upgrade_assumption *a = &s->assumptions[j];
			if (!any++)
				fputs("\n### Assumptions\n\nOverride any of them with `costplan upgrades "
				      "--assume KEY=VALUE`.\n\n| Step | Key | Value | Unit | Source |\n"
				      "|---|---|---:|---|---|\n",
				      f);
			fputs("| ", f);
			md_write(f, s->title);
			fputs(" | ", f);
			md_write(f, a->key);
			fputs(" | ", f);
			md_write(f, report_json_scalar(a->value, c1, sizeof(c1)));
			fputs(" | ", f);
			md_write(f, a->unit);
			fputs(" | ", f);
			if (a->assumption)
				fputs("**assumption:** ", f);
			md_write(f, a->source);
			fputs(" |\n", f);
		}
	}
	for (size_t i = 0; i < b->nwarn; i++) {
		fputs("\n> **Warning:** ", f);
		md_write(f, b->warnings[i]);
		fputs("\n", f);
	}
}
