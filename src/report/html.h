/*
 * html.h - the one-page HTML report (`costplan report`).
 *
 * One self-contained file: inline CSS and SVG, no scripts, no external
 * resources (fonts, images, links to load), so it can be mailed, printed or
 * opened offline. The page is a view: it prices nothing itself; every
 * figure comes from the breakdown (and, when given, the upgrade path and the
 * simulation) formatted from exact money, so the page shows the same cents
 * as `--format json`.
 *
 * One concern per file:
 *   html_page.c       the document: head, stylesheet, section order
 *   html_headline.c   1. the total (beside a claim, when there is one) and the
 *                        charges such estimates leave out
 *   html_breakdown.c  2. where the money goes: charts and the itemised table
 *   html_upgrades.c   3. the upgrade path: waterfall, steps, alternatives
 *   html_simulation.c 4. the simulation: a sample week, the spread of bills,
 *                        the capacity signals
 *   html_sources.c    5. price sources, snapshot dates, the command
 *   svg.c             the charts
 *
 * Every string from inputs (scenario name, description, notes, addresses,
 * command-line arguments) is written through html_write().
 */
#ifndef COSTPLAN_HTML_H
#define COSTPLAN_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include "cost/breakdown.h"
#include "util/decimal.h"

struct upgrade_path; /* cost/upgrade_path.h */
struct sim_view;     /* report/sim_report.h */
struct sample_week;  /* sim/sample_week.h */

struct html_page {
	const struct breakdown *b; /* the scenario's bill */
	const char *description;   /* the scenario's description, or NULL */
	/* someone's estimate of the bill (the scenario's "claim" or --claim);
	 * has_claim false: the page compares with nothing */
	bool has_claim;
	dec claim;
	const char *claim_source;  /* who claims it, e.g. the guide: "around $100/month" */
	const char *command;       /* the command that produced the page */
	const char *version;       /* costplan version */
	/* section 3: the priced upgrade path, or NULL with upgrades_missing
	 * saying why (both NULL: the section is left out on request) */
	const struct upgrade_path *up;
	const char *upgrades_missing;
	/* section 4: the simulation, or NULL with sim_missing saying why
	 * (both NULL: not asked for, the section is left out); week may be
	 * NULL when the horizon has no full week */
	const struct sim_view *sim;
	const struct sample_week *week;
	const char *sim_missing;
};

/* Write the whole page. Errors surface through the FILE (util/output.h). */
void html_report(FILE *f, const struct html_page *p);

/* The sections, in page order (each writes one <section>). */
void html_section_headline(FILE *f, const struct html_page *p);
void html_section_breakdown(FILE *f, const struct html_page *p);
void html_section_upgrades(FILE *f, const struct html_page *p);
void html_section_simulation(FILE *f, const struct html_page *p);
void html_section_sources(FILE *f, const struct html_page *p);

/* Shared helpers (html_page.c) */
/* dec_format_usd into a static-free buffer of DEC_BUFSZ. */
const char *html_usd(dec a, char *buf);
/* "+$1.20" / "-$1.20" / "$0.00" */
const char *html_usd_signed(dec a, char *buf);
/* The CSS class index (0..5) used for a category in every chart. */
int html_category_style(enum category c);

#endif
