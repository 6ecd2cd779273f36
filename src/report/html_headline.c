/*
 * html_headline.c - section 1 of the report: the monthly total beside the
 * claim when the scenario (or --claim) makes one, and the reasons they
 * differ: the charges such estimates leave out.
 *
 * The reasons are not written in advance: each is a rule that picks lines
 * out of the breakdown (public IPv4 addresses, NAT data processing, load
 * balancer capacity units, log ingestion and storage, data transfer, the
 * free-tier allowances). What each rule picks is summed and listed with its
 * quantity and unit price, so a reason shows only when the scenario has
 * such charges, and its amount is the sum of the same cents as the table.
 * Everything no rule takes is "the rest", grouped by resource type.
 */
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "report/html.h"
#include "report/report.h"
#include "report/svg.h"
#include "cost/upgrade_path.h"
#include "report/sim_report.h"

struct reason {
	const char *title;
	const char *why;
	bool (*match)(const struct cost_item *it, const struct cost_line *l);
};

static const char *offer_of(const struct cost_line *l)
{
	return l->price && l->price->src && l->price->src->offer ? l->price->src->offer : "";
}

static bool ut_has(const struct cost_line *l, const char *s)
{
	return l->price && l->price->usage_type && strstr(l->price->usage_type, s);
}

static bool m_ipv4(const struct cost_item *it, const struct cost_line *l)
{
	(void)it;
	return !l->free_tier && ut_has(l, "PublicIPv4");
}

static bool m_nat_data(const struct cost_item *it, const struct cost_line *l)
{
	(void)it;
	return !l->free_tier && l->price && usage_type_matches(l->price->usage_type, "NatGateway-Bytes");
}

static bool m_lcu(const struct cost_item *it, const struct cost_line *l)
{
	(void)it;
	return !l->free_tier && ut_has(l, "LCUUsage");
}

static bool m_logs(const struct cost_item *it, const struct cost_line *l)
{
	(void)it;
	return !l->free_tier && strcmp(offer_of(l), "AmazonCloudWatch") == 0 &&
	       (ut_has(l, "DataProcessing-Bytes") || ut_has(l, "TimedStorage-ByteHrs"));
}

static bool m_transfer(const struct cost_item *it, const struct cost_line *l)
{
	(void)it;
	return !l->free_tier && strcmp(offer_of(l), "AWSDataTransfer") == 0;
}

static bool m_free(const struct cost_item *it, const struct cost_line *l)
{
	(void)it;
	return l->free_tier;
}

static const struct reason REASONS[] = {
	{"Public IPv4 addresses",
	 "AWS bills every public IPv4 address by the hour, attached or idle, since 1 February 2024; "
	 "estimates written before then leave it out. The NAT gateway's Elastic IP and one address per "
	 "load-balancer subnet all count.",
	 m_ipv4},
	{"NAT gateway data processing",
	 "On top of its hourly rate the NAT gateway bills every GB it processes: image pulls, calls to "
	 "AWS APIs and to the internet, and logs from the private subnets.",
	 m_nat_data},
	{"Load balancer capacity units (LCUs)",
	 "On top of its hourly rate the load balancer bills capacity units: the largest of new "
	 "connections, active connections, processed bytes and rule evaluations, each hour.",
	 m_lcu},
	{"CloudWatch log ingestion and storage",
	 "Every GB written to CloudWatch Logs is billed when ingested, and again for each month it is "
	 "kept.",
	 m_logs},
	{"Data transfer",
	 "Traffic out to the internet, and between Availability Zones (billed on both sides), is "
	 "billed per GB.",
	 m_transfer},
	{"Free-tier allowances",
	 "Always-free monthly allowances lower the bill up to their limit and no further: usage beyond "
	 "each boundary is billed at list price.",
	 m_free},
};
#define NREASONS (sizeof(REASONS) / sizeof(REASONS[0]))

/* "the rest", by resource type title */
struct rest {
	const char *title;
	int n; /* resources */
	dec sum;
	const struct cost_item *last;
};

static int rest_cmp(const void *a, const void *b)
{
	const struct rest *x = a, *y = b;
	return dec_cmp(y->sum, x->sum);
}

static void write_line_detail(FILE *f, const struct cost_item *it, const struct cost_line *l)
{
	char q[DEC_BUFSZ], p[DEC_BUFSZ], c[DEC_BUFSZ];
	fputs("<li>", f);
	html_write(f, it->address);
	fputs(": ", f);
	html_write(f, l->name);
	dec_format_trim(dec_round(l->quantity, 4), q, sizeof(q));
	char u[64];
	fprintf(f, ", %s ", q);
	html_write(f, report_unit_for(dec_to_double(l->quantity), l->unit, u, sizeof(u)));
	if (l->tiered)
		fputs(" at tiered prices", f);
	else
		fprintf(f, " &times; $%s", dec_format_trim(l->unit_price, p, sizeof(p)));
	fprintf(f, " = %s</li>", html_usd(l->cost_cents, c));
}

/* "$100" for whole dollars, "$99.50" otherwise */
static const char *claim_text(dec claim, char *buf)
{
	html_usd(claim, buf);
	size_t n = strlen(buf);
	if (n > 3 && strcmp(buf + n - 3, ".00") == 0)
		buf[n - 3] = '\0';
	return buf;
}

/* |diff| / claim as a whole percentage; false when the claim is zero */
static bool percent(dec diff, dec claim, long *out)
{
	dec r, hundred = dec_from_int(100);
	if (dec_cmp(diff, dec_zero()) < 0)
		diff = dec_neg(diff);
	if (dec_is_zero(claim) || dec_mul(diff, hundred, &r) || dec_div(r, claim, &r))
		return false;
	char buf[DEC_BUFSZ];
	dec_format(r, 0, buf, sizeof(buf));
	*out = strtol(buf, NULL, 10);
	return true;
}

void html_section_headline(FILE *f, const struct html_page *p)
{
	const struct breakdown *b = p->b;
	char t[DEC_BUFSZ], c[DEC_BUFSZ], d[DEC_BUFSZ];
	dec diff = dec_sub(b->total, p->claim);
	int sign = dec_cmp(diff, dec_zero());
	long pct = 0;
	bool has_pct = percent(diff, p->claim, &pct);

	fputs("<section id=\"headline\">\n<h2 class=\"sr\">The bill at a glance</h2>\n"
	      "<div class=\"cards\">\n",
	      f);
	fprintf(f,
		"<div class=\"card main\" id=\"total\"><div class=\"k\">This stack costs</div>"
		"<div class=\"v\"><span class=\"money\" id=\"headline-total\">%s</span> <small>a month</small></div>"
		"<div class=\"s\">list prices, ",
		html_usd(b->total, t));
	html_write(f, b->region);
	fputs("</div></div>\n", f);
	if (p->has_claim) {
		fprintf(f,
			"<div class=\"card\" id=\"claim\"><div class=\"k\">The claim</div>"
			"<div class=\"v\">%s</div><div class=\"s\">",
			claim_text(p->claim, c));
		html_write(f, p->claim_source);
		fputs("</div></div>\n", f);
		fprintf(f,
			"<div class=\"card\" id=\"difference\"><div class=\"k\">Difference</div>"
			"<div class=\"v %s\">%s</div><div class=\"s\">",
			sign > 0 ? "up" : sign < 0 ? "down" : "", html_usd_signed(diff, d));
		if (sign == 0)
			fputs("the same as the claim", f);
		else if (has_pct)
			fprintf(f, "%ld%% %s the claim", pct, sign > 0 ? "above" : "below");
		fputs("</div></div>\n", f);
	}
	if (p->sim) {
		const struct cstat *m1 = &p->sim->sum->total[0];
		char lo[DEC_BUFSZ], hi[DEC_BUFSZ];
		fprintf(f,
			"<div class=\"card\" id=\"simulated\"><div class=\"k\">Simulated month 1, "
			"median of %ld runs</div><div class=\"v\">%s</div><div class=\"s\">p5&ndash;p95: "
			"<span id=\"sim-range\">%s&ndash;%s</span></div></div>\n",
			p->sim->mc->runs, sim_usd(m1->p50, c, sizeof(c)), sim_usd(m1->p5, lo, sizeof(lo)),
			sim_usd(m1->p95, hi, sizeof(hi)));
	}
	if (p->up) {
		dec step = dec_sub(p->up->production.total, p->up->baseline.total);
		fprintf(f,
			"<div class=\"card\" id=\"production\"><div class=\"k\">After the upgrade path</div>"
			"<div class=\"v\">%s</div><div class=\"s\">production, %s a month</div></div>\n",
			html_usd(p->up->production.total, c), html_usd_signed(step, d));
	}
	fputs("</div>\n", f);

	/* sort every priced line into a reason or the rest */
	dec sums[NREASONS];
	int counts[NREASONS];
	for (size_t r = 0; r < NREASONS; r++) {
		sums[r] = dec_zero();
		counts[r] = 0;
	}
	struct rest *rest = calloc(b->n ? b->n : 1, sizeof(*rest));
	size_t nrest = 0;
	dec rest_sum = dec_zero();
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			if (dec_is_zero(l->cost_cents))
				continue;
			size_t r;
			for (r = 0; r < NREASONS; r++)
				if (REASONS[r].match(it, l))
					break;
			if (r < NREASONS) {
				sums[r] = dec_add(sums[r], l->cost_cents);
				counts[r]++;
				continue;
			}
			rest_sum = dec_add(rest_sum, l->cost_cents);
			const char *title = it->title ? it->title : it->type;
			size_t k;
			for (k = 0; k < nrest; k++)
				if (strcmp(rest[k].title, title) == 0)
					break;
			if (k == nrest)
				rest[nrest++] = (struct rest){title, 0, dec_zero(), NULL};
			rest[k].sum = dec_add(rest[k].sum, l->cost_cents);
			if (rest[k].last != it) {
				rest[k].n += it->count > 0 ? it->count : 1;
				rest[k].last = it;
			}
		}
	}
	qsort(rest, nrest, sizeof(*rest), rest_cmp);

	/* the same sums as a waterfall: own charges, each reason, the total */
	struct svg_step steps[NREASONS + 2];
	char vals[NREASONS + 2][DEC_BUFSZ], mark[DEC_BUFSZ + 32];
	size_t ns = 0;
	steps[ns] = (struct svg_step){"Resources' own hourly and monthly charges",
				      html_usd(rest_sum, vals[ns]), NULL, dec_to_double(rest_sum), 1};
	ns++;
	for (size_t r = 0; r < NREASONS; r++) {
		if (!counts[r])
			continue;
		steps[ns] = (struct svg_step){REASONS[r].title, html_usd_signed(sums[r], vals[ns]), NULL,
					      dec_to_double(sums[r]), 0};
		ns++;
	}
	steps[ns] = (struct svg_step){"This bill", html_usd(b->total, vals[ns]), NULL,
				      dec_to_double(b->total), 1};
	ns++;
	snprintf(mark, sizeof(mark), "the claim: %s", claim_text(p->claim, c));
	struct svg_marker claim_mark = {dec_to_double(p->claim), mark};
	fputs("<figure id=\"claim-waterfall\">", f);
	svg_waterfall(f, "chart-claim", "From the resources' own charges to the bill",
		      "US dollars per month", steps, ns, p->has_claim ? &claim_mark : NULL,
		      p->has_claim ? 1 : 0);
	fprintf(f,
		"<figcaption class=\"legend\">Each bar starts where the one above ends; hatched bars "
		"lower the bill.%s</figcaption></figure>\n",
		p->has_claim ? " The dashed line is the claim." : "");

	if (p->has_claim) {
		fprintf(f, "<h3>Why it differs from the claim of %s</h3>\n<p>",
			claim_text(p->claim, c));
		fputs("The claim (", f);
		html_write(f, p->claim_source);
		fputs(") is a figure for the same stack. This bill is priced line by line from AWS "
		      "list prices; the charges below are the ones such estimates usually leave out "
		      "or round away. Each is the sum of lines in the itemised table.</p>\n",
		      f);
	} else {
		fputs("<h3>The charges estimates leave out</h3>\n<p>This bill is priced line by line "
		      "from AWS list prices; the charges below are the ones rough estimates usually "
		      "leave out or round away. Each is the sum of lines in the itemised "
		      "table.</p>\n",
		      f);
	}
	fputs("<div class=\"scroll\"><table id=\"reasons\">\n<thead><tr><th>What</th>"
	      "<th class=\"num\">Monthly</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t r = 0; r < NREASONS; r++) {
		if (!counts[r])
			continue;
		fprintf(f, "<tr class=\"reason\"><td><strong>%s</strong><p class=\"why\">%s</p>"
			   "<ul class=\"lines\">",
			REASONS[r].title, REASONS[r].why);
		for (size_t i = 0; i < b->n; i++) {
			const struct cost_item *it = &b->items[i];
			for (size_t j = 0; j < it->n; j++) {
				const struct cost_line *l = &it->lines[j];
				if (dec_is_zero(l->cost_cents))
					continue;
				size_t k;
				for (k = 0; k < NREASONS; k++)
					if (REASONS[k].match(it, l))
						break;
				if (k == r)
					write_line_detail(f, it, l);
			}
		}
		fprintf(f, "</ul></td><td class=\"num\">%s</td></tr>\n", html_usd_signed(sums[r], t));
	}
	fputs("<tr class=\"reason rest\"><td><strong>Everything else</strong><p class=\"why\">"
	      "Hourly and monthly charges for the resources themselves:</p><ul class=\"lines\">",
	      f);
	for (size_t k = 0; k < nrest; k++) {
		fputs("<li>", f);
		html_write(f, rest[k].title);
		if (rest[k].n > 1)
			fprintf(f, " (%d)", rest[k].n);
		fprintf(f, ": %s</li>", html_usd(rest[k].sum, t));
	}
	fprintf(f, "</ul></td><td class=\"num\">%s</td></tr>\n", html_usd(rest_sum, t));
	fprintf(f,
		"</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">Total</th>"
		"<td class=\"num\">%s</td></tr></tfoot>\n</table></div>\n",
		html_usd(b->total, t));
	/* the conclusion, in figures */
	dec extra = dec_sub(b->total, rest_sum);
	fprintf(f, "<p>The resources&rsquo; own hourly and monthly charges come to %s", html_usd(rest_sum, t));
	int vs = p->has_claim ? dec_cmp(rest_sum, p->claim) : 0;
	if (vs > 0)
		fprintf(f, ", already %s above the claim", html_usd(dec_sub(rest_sum, p->claim), c));
	else if (vs < 0)
		fprintf(f, ", %s below the claim", html_usd(dec_sub(p->claim, rest_sum), c));
	fprintf(f, "; the charges listed above %s %s.</p>\n",
		dec_cmp(extra, dec_zero()) >= 0 ? "add" : "take off",
		html_usd(dec_cmp(extra, dec_zero()) >= 0 ? extra : dec_neg(extra), d));
	free(rest);
	fputs("</section>\n", f);
}
