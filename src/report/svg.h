/*
 * svg.h - inline SVG charts for the HTML report (report/html_*.c).
 *
 * Charts are plain SVG elements written straight into the page: no
 * scripts, no external fonts or images, readable when printed. Every chart
 * has a <title> (announced by screen readers and shown as its heading), axis
 * labels with units, and text labels on the marks themselves, so nothing is
 * told by colour alone (credits are hatched as well as coloured; series are
 * dashed differently and labelled at their ends).
 *
 * Geometry uses doubles: it only places pixels. The figures written as text
 * come from the caller, already formatted from exact money (decimal.h).
 *
 * Text passed in is escaped here (html_write); callers pass raw strings.
 */
#ifndef COSTPLAN_SVG_H
#define COSTPLAN_SVG_H

#include <stddef.h>
#include <stdio.h>

/* One horizontal bar. */
struct svg_bar {
	const char *label; /* above the bar, e.g. "aws_nat_gateway.main" */
	const char *tag;   /* small text after the label ("network"), or NULL */
	const char *value_text; /* written at the bar's end, e.g. "$34.20" */
	double value;      /* bar length in axis units; may be negative */
	int style;         /* 0..5 fill colour class c0..c5 */
	int hatched;       /* drawn hatched too (credits, allowances) */
};

/*
 * Horizontal bar chart: a label line above each bar, the value at its end,
 * an axis with ticks at round numbers and axis_label under it. id must be
 * unique in the page (used for aria-labelledby).
 */
void svg_hbar_chart(FILE *f, const char *id, const char *title, const char *axis_label,
		    const struct svg_bar *bars, size_t n);

/* A labelled vertical marker (histograms, waterfalls). */
struct svg_marker {
	double x;          /* in axis units */
	const char *label; /* "p50 $121.10" */
};

/* A step of a waterfall: a bar that starts where the previous one ended. */
struct svg_step {
	const char *label;      /* "RDS Multi-AZ" */
	const char *value_text; /* "+$15.49" */
	const char *note;       /* second line, e.g. the signal; or NULL */
	double delta;           /* change; for total bars, the total */
	int total;              /* a total bar drawn from zero */
};
/* Horizontal waterfall, one row per step, with optional markers. */
void svg_waterfall(FILE *f, const char *id, const char *title, const char *axis_label,
		   const struct svg_step *steps, size_t n, const struct svg_marker *m, size_t nm);

/* One line of a time-series chart. */
struct svg_series {
	const char *name;   /* shown at the line's end and in the legend */
	const double *y;    /* n points, evenly spaced in x */
	size_t n;
	int step;           /* draw as steps (task counts) instead of lines */
};
/*
 * Lines over a shared x axis: x runs from 0 to x_max in x units, with a
 * tick every x_tick units; x_tick_labels[i] labels the interval after tick
 * i (NULL: the tick's number). The y axis starts at 0 when from_zero, else
 * at a round number under the lowest value (its base line then dashed).
 * Returns the value at the bottom of the y axis.
 */
double svg_line_chart(FILE *f, const char *id, const char *title, const char *x_label,
		    const char *y_label, double x_max, double x_tick,
		    const char *const *x_tick_labels, const struct svg_series *s, size_t ns,
		    int from_zero);

/*
 * Small multiples: one short panel per series, stacked, sharing the x axis
 * (as svg_line_chart) and each with its own whole-number y axis from 0, the
 * series' name above its panel. For counts such as running tasks.
 */
void svg_step_panels(FILE *f, const char *id, const char *title, const char *x_label,
		     const char *y_label, double x_max, double x_tick,
		     const char *const *x_tick_labels, const struct svg_series *s, size_t ns);

/* One row of a range chart: a span from lo to hi with a mark at mid. */
struct svg_range {
	const char *label;  /* above the span */
	const char *value_text; /* after the span ("month 9, 5-11") */
	double lo, mid, hi; /* in axis units; mid < 0: no span (value_text only);
			     * mid NaN: a span without its mark */
};
/* Horizontal spans over an axis from x0 to x1 with ticks every x_tick. */
void svg_range_chart(FILE *f, const char *id, const char *title, const char *axis_label,
		     double x0, double x1, double x_tick, const struct svg_range *r, size_t n);

/*
 * Histogram of counts over equal bins from x0 to x1; markers drawn as
 * labelled dashed vertical lines. x_fmt formats x tick values (e.g. "$%.0f").
 */
void svg_histogram(FILE *f, const char *id, const char *title, const char *x_label,
		   const char *y_label, double x0, double x1, const unsigned *counts,
		   size_t nbins, const struct svg_marker *m, size_t nm, const char *x_fmt);

/*
 * Tick step for an axis spanning `range` with at most max_ticks ticks:
 * 1, 2 or 5 times a power of ten. range <= 0 gives 1.
 */
double svg_nice_step(double range, int max_ticks);

/* Escaped <text> element. anchor: "start", "middle" or "end"; cls may be NULL. */
void svg_text(FILE *f, double x, double y, const char *anchor, const char *cls, const char *s);

#endif
