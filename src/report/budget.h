/*
 * budget.h - the budget model behind `costplan export`: a breakdown turned
 * into inputs, prices and formulas a spreadsheet can recompute.
 *
 * The engine prices a scenario once (cost/engine.h); this module does not
 * price anything again. It explains each line's quantity as a formula over
 * the inputs that drive it (task counts and sizes, hours per month, usage
 * figures, free-tier switch), checks that formula against the engine's own
 * quantity in exact decimals, and only then hands it to the workbook. A
 * line whose quantity it cannot explain (a new pricer, a rule that
 * changed) keeps the engine's number as a fixed value and is counted in
 * `no_formula`: never a silently wrong formula.
 *
 * Formulas are text in the workbook's cell grammar and name cells by the
 * layout constants below, so the model and the xlsx writer agree on where
 * everything sits. Only cell references and numbers ever go into a
 * formula: text from inputs (resource names, notes) never does.
 *
 * Ownership: struct budget owns its inputs, lines and strings; it borrows
 * the breakdown(s) and the scenario it was built from, which must outlive
 * it. Release with budget_release().
 */
#ifndef COSTPLAN_BUDGET_H
#define COSTPLAN_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cost/breakdown.h"
#include "cost/upgrade_path.h"

/* Sheet layout (0-based rows/cols). Every table sheet: title on row 0, a
 * subtitle on row 1, the header on TABLE_HEADER_ROW, data below it. */
#define TABLE_HEADER_ROW 3
#define TABLE_FIRST_ROW 4

#define SHEET_ASSUMPTIONS "Assumptions"
#define SHEET_PRICES "Prices"
#define SHEET_LINES "Line items"
#define SHEET_SUMMARY "Summary"
#define SHEET_UPGRADES "Upgrade path"
#define SHEET_PROJECTION "Projection"

/* Assumptions: A resource, B input, C value, D unit, E note */
#define ASM_COL_VALUE 2
/* Prices: A offer, B usage type, C description, D region, E unit, F tier
 * from, G tier to, H price, I effective date, J source, K published, L SKU */
#define PRICE_COL_FROM 5
#define PRICE_COL_TO 6
#define PRICE_COL_PRICE 7
/* Line items: A resource, B type, C category, D component, E quantity,
 * F unit, G unit price, H monthly cost, I resource subtotal, J usage-based,
 * K basis, L note */
#define LINE_COL_CATEGORY 2
#define LINE_COL_QTY 4
#define LINE_COL_PRICE 6
#define LINE_COL_COST 7
#define LINE_COL_SUBTOTAL 8

enum input_kind {
	IN_NUMBER,  /* an editable figure */
	IN_PERCENT, /* an editable rate (growth) */
	IN_BOOL,    /* an editable switch (free tier) */
	IN_LABEL,   /* text that selects a price (instance class): re-export to change */
	IN_FACT,    /* an AWS figure (free-tier allowance): shown, referenced, not an input */
};

struct budget_input {
	char *resource; /* address, or "" for stack-wide inputs */
	char *key;      /* attribute, usage key or a name of ours ("hours_per_month") */
	enum input_kind kind;
	dec value;      /* IN_NUMBER, IN_PERCENT, IN_FACT */
	bool on;        /* IN_BOOL */
	char *text;     /* IN_LABEL */
	char *unit;
	char *note;
};

enum line_kind {
	LK_FIXED,     /* quantity does not grow with usage */
	LK_USAGE,     /* quantity comes from usage figures: grows in the projection */
	LK_ALLOWANCE, /* a free-tier allowance (negative, capped) */
	LK_FREE,      /* considered and free: no price */
};

struct budget_line {
	const struct cost_item *item;
	const struct cost_line *line;
	enum category category;
	enum line_kind kind;
	char *qty_formula;   /* without '=', NULL when the quantity is a fixed number */
	char *basis;         /* how the quantity is made, for people ("1 task x 730 h x 0.25 vCPU") */
	bool first_of_item, last_of_item;
	size_t item_first;   /* index of the item's first line */
	int price;           /* index into budget.prices, -1 when none */
	/* the engine's unit price differs from the Prices row (Fargate Spot,
	 * a Savings Plan): unit price = Prices x (1 - input price_discount) when
	 * price_formula is set, else the engine's number */
	bool adjusted;
	char *price_formula; /* without '=', NULL: a Prices reference or a number */
	bool cached_zero;    /* an allowance shown switched off: its value is 0 */
	/* LK_ALLOWANCE: the lines whose quantities it caps, and the cap input */
	size_t *pool;
	size_t npool;
	int cap_input;
};

struct budget_price {
	const struct price_entry *e;
	size_t row; /* sheet row of its first tier */
};

struct budget {
	const struct breakdown *b;
	struct budget_input *in;
	size_t nin;
	struct budget_line *lines;
	size_t nlines;
	struct budget_price *prices;
	size_t nprices;
	size_t no_formula;   /* lines whose quantity is a fixed number for want of a formula */
	int in_hours, in_growth, in_free_tier;
	dec total;           /* the monthly total the workbook shows (b->total) */
	dec by_category[CAT_FREE + 1];
	/* someone's estimate to show beside ours (the scenario's "claim", or
	 * --claim): has_claim false = none, and the workbook says nothing of it */
	bool has_claim;
	dec claim;
	const char *claim_source; /* borrowed, e.g. the guide: "around $100/month" */
	/* the priced upgrade path (borrowed; NULL: no Upgrade path sheet) */
	const struct upgrade_path *up;
	/* simulated monthly totals (costplan simulate), cents, [nbands] each;
	 * NULL/0: no bands on the Projection sheet */
	const int64_t *p5, *p50, *p95;
	int nbands;
	long sim_runs;
	uint64_t sim_seed;
	double sim_growth; /* the traffic profile's monthly growth */
	bool growth_from_profile; /* the growth input came from the traffic section */
};

/*
 * Build the model. `b` is the breakdown to show; `ft` (may be NULL or b)
 * is the same scenario priced with the free tier on, whose allowance lines
 * are added switched off when `b` has none, so the switch in Assumptions
 * can turn them on. growth is a monthly rate (0.05 = 5%).
 */
void budget_build(struct budget *bg, const struct breakdown *b, const struct breakdown *ft,
		  dec growth);
void budget_release(struct budget *bg);

/* "A".."Z", "AA".. for a 0-based column. buf >= 4 bytes. */
char *budget_col(int col, char *buf);
/* "$C$7" (absolute) or "C7". Caller frees. */
char *budget_ref(int row, int col, bool absolute);
/* "Assumptions!$C$7" for input i. Caller frees. */
char *budget_input_ref(const struct budget *bg, int i);
/* Row of input i / line i on its sheet. */
int budget_input_row(int i);
int budget_line_row(size_t i);
/* Row of the grand total on the Line items sheet. */
int budget_total_row(const struct budget *bg);

/*
 * The cost formula (without '=') of line i for a quantity given as a
 * formula `qty` (a cell reference or an expression):
 * ROUND(ROUND(qty*price,9),2), a tier-by-tier sum over the Prices rows for
 * tiered prices, or NULL when the line has no price. Untiered lines take
 * their unit price from the line's own cell on Line items (a Prices
 * reference, or an adjusted price). The inner ROUND to 9
 * places makes a spreadsheet's binary arithmetic round like the engine's
 * exact decimals: 400000 x 1.1025 x 0.000005 is 2.205 exactly, but
 * 2.2049999999999996 in binary, which ROUND(...,2) alone takes to 2.20.
 * Caller frees.
 */
char *budget_cost_formula(const struct budget *bg, size_t i, const char *qty);

/*
 * Cost in cents of line i at quantity qty, computed in exact decimals the
 * way the engine does (tiers, then rounding to cents). Returns 0 or -1 on
 * overflow.
 */
int budget_line_cost(const struct budget *bg, size_t i, dec qty, dec *cents);

/* Write the workbook to file (a path libxlsxwriter may create). Returns 0
 * or CP_EXIT_IO after printing why. */
int budget_write_xlsx(const struct budget *bg, const char *file);
/* RFC 4180 CSV of the line items with their basis and price provenance. */
void budget_write_csv(FILE *f, const struct budget *bg);

#endif
