/*
 * upgrades_text.c - `costplan upgrades` as an 80-column terminal table:
 * the baseline, each step alone (delta, total, signal), the cumulative
 * path ending in the production total, the alternatives on the baseline
 * and on production with their verdicts, and every assumption used.
 */
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "util/error.h"
#include "report/upgrades.h"

#define W 78
#define W_TITLE 48
#define W_COL 13

char *report_delta(dec d, char *buf, size_t size)
{
	char t[DEC_BUFSZ * 2];
	dec c = dec_round_cents(d);
	dec_format_usd(c, t, sizeof(t));
	snprintf(buf, size, "%s%s", dec_cmp(c, dec_zero()) > 0 ? "+" : "", t);
	return buf;
}

char *report_json_scalar(const json_t *v, char *buf, size_t size)
{
	dec d;
	if (json_is_integer(v))
		snprintf(buf, size, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v) && dec_from_double(json_real_value(v), &d) == 0)
		dec_format_trim(dec_round(d, 6), buf, size);
	else if (json_is_string(v))
		snprintf(buf, size, "%s", json_string_value(v));
	else if (json_is_boolean(v))
		snprintf(buf, size, "%s", json_is_true(v) ? "true" : "false");
	else
		snprintf(buf, size, "null");
	return buf;
}

char *report_verdict(const struct upgrade_result *r, char *buf, size_t size)
{
	char a[DEC_BUFSZ * 2], b[DEC_BUFSZ * 2], g[DEC_BUFSZ], p1[DEC_BUFSZ], p2[DEC_BUFSZ];
	size_t o;
	buf[0] = '\0';
	if (!r->has_verdict)
		return buf;
	dec d = r->alone_delta;
	bool more = dec_cmp(d, dec_zero()) > 0;
	dec_format_usd(more ? d : dec_neg(d), a, sizeof(a));
	dec_format_usd(r->replaced_cost, b, sizeof(b));
	char what[512];
	size_t w = 0;
	what[0] = '\0';
	for (const char *p = r->step->replaces; *p && w < sizeof(what);) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (len)
			w += (size_t)snprintf(what + w, sizeof(what) - w, "%s%.*s", w ? " + " : "",
					      (int)len, p);
		p += len;
	}
	o = (size_t)snprintf(buf, size, "%s %s a month %s what it replaces (%s: %s)",
			     more ? "costs" : "saves", a, more ? "more than" : "against", what, b);
	if (r->has_breakeven && o < size) {
		dec_format_trim(r->replaced_per_gb, p1, sizeof(p1));
		dec_format_trim(r->added_per_gb, p2, sizeof(p2));
		if (dec_is_zero(r->breakeven_gb))
			snprintf(buf + o, size - o, "; cheaper at any volume ($%s vs $%s per GB)", p1, p2);
		else
			snprintf(buf + o, size - o,
				 "; at $%s vs $%s per GB it breaks even at %s GB a month through "
				 "the NAT",
				 p1, p2, dec_format_trim(r->breakeven_gb, g, sizeof(g)));
	}
	return buf;
}

/* Write text wrapped to W columns: first line after `lead`, then `indent`. */
static void wrap(FILE *f, const char *lead, const char *indent, const char *text)
{
	term_wrap(f, lead, indent, text, W);
}

static void row(FILE *f, const char *num, const char *title, const char *c1, const char *c2)
{
	fputs(num, f);
	term_cell(f, title, W_TITLE - (int)strlen(num), 0);
	fprintf(f, "%*s%*s\n", W_COL + 2, c1, W_COL + 2, c2);
}

static void heading(FILE *f, const struct report_style *st, const char *h, const char *c1,
		    const char *c2)
{
	if (!c1[0] && !c2[0])
		fprintf(f, "\n%s%s%s\n", st->color ? "\033[1m" : "", h, st->color ? "\033[0m" : "");
	else
		fprintf(f, "\n%s%-*s%*s%*s%s\n", st->color ? "\033[1m" : "", W_TITLE, h, W_COL + 2,
			c1, W_COL + 2, c2, st->color ? "\033[0m" : "");
}

static void range_line(FILE *f, const struct priced *p)
{
	char lo[DEC_BUFSZ * 2], hi[DEC_BUFSZ * 2], buf[200];
	if (!p->has_range)
		return;
	snprintf(buf, sizeof(buf), "auto-scaled: %s with every scaled service at min tasks, %s at max",
		 dec_format_usd(p->low, lo, sizeof(lo)), dec_format_usd(p->high, hi, sizeof(hi)));
	wrap(f, "     ", "     ", buf);
}

void report_upgrades_table(FILE *f, const struct upgrade_path *p, const struct report_style *st)
{
	const struct breakdown *b = &p->baseline.b;
	char c1[DEC_BUFSZ * 2], c2[DEC_BUFSZ * 2], num[8], pub[96], buf[1024];

	report_prices_valid(b, pub, sizeof(pub));
	fprintf(f, "%sUpgrade path: ", st->color ? "\033[1m" : "");
	term_write(f, b->scenario);
	fprintf(f, "%s - %s - USD a month\n%s\n", st->color ? "\033[0m" : "", b->region, pub);
	for (size_t i = 0; i < b->nnotes; i++)
		wrap(f, "", "  ", b->notes[i]);
	fputc('\n', f);
	row(f, "", "Baseline", "", dec_format_usd(p->baseline.total, c2, sizeof(c2)));
	range_line(f, &p->baseline);

	heading(f, st, "EACH STEP ALONE ON THE BASELINE", "DELTA", "TOTAL");
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct upgrade_result *r = &p->results[i];
		snprintf(num, sizeof(num), "%2d ", r->step->order);
		row(f, num, r->step->title, report_delta(r->alone_delta, c1, sizeof(c1)),
		    dec_format_usd(r->alone.total, c2, sizeof(c2)));
		range_line(f, &r->alone);
		for (size_t v = 0; v < r->nvariants; v++) {
			snprintf(buf, sizeof(buf), "%s instead: %s (total %s)",
				 r->variants[v].variant->label,
				 report_delta(r->variants[v].delta, c1, sizeof(c1)),
				 dec_format_usd(r->variants[v].total, c2, sizeof(c2)));
			wrap(f, "     ", "     ", buf);
		}
		wrap(f, "     when: ", "           ", r->step->signal);
	}

	heading(f, st, "CUMULATIVE PATH, IN THE GUIDE'S ORDER", "STEP", "RUNNING");
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct upgrade_result *r = &p->results[i];
		snprintf(num, sizeof(num), "%2d ", r->step->order);
		row(f, num, r->step->title, report_delta(r->cumulative_delta, c1, sizeof(c1)),
		    dec_format_usd(r->cumulative.total, c2, sizeof(c2)));
	}
	fputc('\n', f);
	snprintf(buf, sizeof(buf), "Production total (%s over the baseline)",
		 report_delta(dec_sub(p->production.total, p->baseline.total), c1, sizeof(c1)));
	fprintf(f, "%s", st->color ? "\033[1m" : "");
	row(f, "", buf, "", dec_format_usd(p->production.total, c2, sizeof(c2)));
	fprintf(f, "%s", st->color ? "\033[0m" : "");
	range_line(f, &p->production);

	if (p->n > p->nsteps) {
		heading(f, st, "ALTERNATIVES", "ON BASELINE", "ON PRODUCTION");
		for (size_t i = p->nsteps; i < p->n; i++) {
			const struct upgrade_result *r = &p->results[i];
			row(f, " - ", r->step->title, report_delta(r->alone_delta, c1, sizeof(c1)),
			    report_delta(r->cumulative_delta, c2, sizeof(c2)));
			if (r->has_verdict)
				wrap(f, "     verdict: ", "              ",
				     report_verdict(r, buf, sizeof(buf)));
			wrap(f, "     when: ", "           ", r->step->signal);
		}
		snprintf(buf, sizeof(buf),
			 "Each alternative alone: against the baseline (%s) and against the "
			 "production total (%s).",
			 dec_format_usd(p->baseline.total, c1, sizeof(c1)),
			 dec_format_usd(p->production.total, c2, sizeof(c2)));
		fputc('\n', f);
		wrap(f, "", "", buf);
	}

	int any = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct upgrade_step *s = p->results[i].step;
		for (size_t j = 0; j < s->nassumptions; j++) {
			const struct upgrade_assumption *a = &s->assumptions[j];
			if (!any++)
				heading(f, st, "ASSUMPTIONS (override: --assume KEY=VALUE)", "", "");
			snprintf(buf, sizeof(buf), "%s = %s %s%s", a->key,
				 report_json_scalar(a->value, c1, sizeof(c1)), a->unit,
				 a->overridden ? " (set by --assume)" : "");
			wrap(f, "  ", "      ", buf);
			snprintf(buf, sizeof(buf), "%s%s", a->assumption ? "[assumption] " : "[sourced] ",
				 a->source);
			wrap(f, "    ", "    ", buf);
		}
	}
	if (b->nwarn)
		fputc('\n', f);
	for (size_t i = 0; i < b->nwarn; i++)
		wrap(f, "warning: ", "  ", b->warnings[i]);
}
