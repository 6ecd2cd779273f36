/*
 * svg.c - inline SVG charts; see svg.h.
 *
 * Every chart is drawn in its own coordinate system (viewBox) 400 units
 * wide and scales to the width of its box: narrow enough that its text
 * stays readable on a phone (about 0.9x there, 1.3x on a desktop); the stylesheet (html_page.c)
 * gives the classes used here their fonts and colours:
 *   ch-title, ch-label, ch-tag, ch-value, ch-axis, ch-grid, ch-zero,
 *   c0..c5 (fills), hatch (pattern overlay), s0..s3 (series strokes),
 *   mk (markers).
 */
#include "report/svg.h"

#include <math.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "util/escape.h"
#include "util/error.h"

#define W 400.0

/* dash patterns: series and markers differ in shape, not only colour */
static const char *const DASH[] = {"", "6 3", "2 3", "9 3 2 3"};

double svg_nice_step(double range, int max_ticks)
{
	if (!(range > 0) || max_ticks < 1)
		return 1;
	double raw = range / max_ticks;
	double p = pow(10, floor(log10(raw)));
	double m = raw / p;
	double step = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
	return step * p;
}

void svg_text(FILE *f, double x, double y, const char *anchor, const char *cls, const char *s)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
	if (anchor && strcmp(anchor, "start") != 0)
		fprintf(f, " text-anchor=\"%s\"", anchor);
	if (cls)
		fprintf(f, " class=\"%s\"", cls);
	fputc('>', f);
	html_write(f, s);
	fputs("</text>", f);
}

static void tick_text(char *buf, size_t size, const char *fmt, double v)
{
	if (fabs(v) < 1e-9)
		v = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(buf, size, fmt ? fmt : "%g", v);
#pragma GCC diagnostic pop
}

static void svg_open(FILE *f, const char *id, const char *title, double h)
{
	fprintf(f, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"%s-t\">",
		W, h, id);
	fprintf(f, "<title id=\"%s-t\">", id);
	html_write(f, title);
	fputs("</title>", f);
	svg_text(f, 4, 18, "start", "ch-title", title);
}

/* The hatch pattern is defined once per chart that needs it, under a
 * chart-specific id so that charts stay independent when copied. */
static void hatch_def(FILE *f, const char *id)
{
	fprintf(f, "<defs><pattern id=\"%s-h\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
		   "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-bg\"/>"
		   "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-ln\"/></pattern></defs>",
		id);
}

/* A horizontal value axis from vmin to vmax mapped to [x0, x1], ticks and
 * vertical grid lines from y_top to y_axis, the label below. */
static void x_axis(FILE *f, double vmin, double vmax, double x0, double x1, double y_top,
		   double y_axis, const char *label, const char *fmt)
{
	double step = svg_nice_step(vmax - vmin, 6);
	double sx = (x1 - x0) / (vmax - vmin);
	char buf[64];
	for (double v = ceil(vmin / step - 1e-9) * step; v <= vmax + step * 1e-9; v += step) {
		double x = x0 + (v - vmin) * sx;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x,
			y_top, x, y_axis, fabs(v) < step * 1e-9 ? "ch-zero" : "ch-grid");
		tick_text(buf, sizeof(buf), fmt, v);
		svg_text(f, x, y_axis + 16, "middle", "ch-axis", buf);
	}
	fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ch-axisline\"/>", x0,
		y_axis, x1, y_axis);
	svg_text(f, (x0 + x1) / 2, y_axis + 36, "middle", "ch-axis", label);
}

static void range_of(const double *v, size_t n, size_t stride, double *lo, double *hi)
{
	*lo = 0;
	*hi = 0;
	for (size_t i = 0; i < n; i++) {
		double x = *(const double *)((const char *)v + i * stride);
		if (x < *lo)
			*lo = x;
		if (x > *hi)
			*hi = x;
	}
	if (*hi - *lo <= 0)
		*hi = *lo + 1;
}

static void bar(FILE *f, const char *id, double x, double y, double w, double h, int style,
		int hatched)
{
	if (w < 0) {
		x += w;
		w = -w;
	}
	if (w < 1)
		w = 1; /* a visible sliver for tiny values */
	fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"c%d\"/>", x, y,
		w, h, style % 6);
	if (hatched)
		fprintf(f,
			"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#%s-h)\" "
			"class=\"hatched\"/>",
			x, y, w, h, id);
}

/* Rough text widths in user units (no font metrics without a browser):
 * generous, so that estimated fits are real fits. */
#define LABEL_CW 7.2 /* .ch-label, 12.5px */
#define TAG_CW 6.6   /* .ch-tag, 11.5px */
#define VALUE_CW 7.4 /* .ch-value, 12px bold */

static double text_w(const char *s, double cw)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if ((*p & 0xc0) != 0x80) /* count UTF-8 characters, not bytes */
			n++;
	return (double)n * cw;
}

/*
 * Write s word-wrapped to max_w (f == NULL only measures). Returns the
 * number of lines. A word longer than a line gets a line of its own.
 */
static int wrapped(FILE *f, double x, double y, double lh, const char *cls, double cw,
		   double max_w, const char *s)
{
	size_t len = strlen(s), start = 0;
	int lines = 0;
	char *buf = xmalloc(len + 1);
	while (start < len) {
		while (s[start] == ' ')
			start++;
		if (start >= len)
			break;
		size_t end = start, last_fit = 0;
		for (;;) {
			size_t next = end;
			while (next < len && s[next] != ' ')
				next++;
			memcpy(buf, s + start, next - start);
			buf[next - start] = '\0';
			if (last_fit && text_w(buf, cw) > max_w)
				break;
			last_fit = next;
			end = next;
			if (end >= len)
				break;
			end++;
		}
		memcpy(buf, s + start, last_fit - start);
		buf[last_fit - start] = '\0';
		if (f)
			svg_text(f, x, y + lh * lines, "start", cls, buf);
		lines++;
		start = last_fit;
	}
	free(buf);
	return lines ? lines : 1;
}

/* Label lines of a row: the label, then the tag on the same line when it
 * fits, else wrapped below. Returns the number of text lines. */
static int row_labels(FILE *f, double x, double y, double max_w, const char *label,
		      const char *tag)
{
	if (!tag || !tag[0])
		return wrapped(f, x, y, 15, "ch-label", LABEL_CW, max_w, label);
	if (text_w(label, LABEL_CW) + 6 + text_w(tag, TAG_CW) <= max_w) {
		if (f) {
			fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"ch-label\">", x, y);
			html_write(f, label);
			fputs("<tspan class=\"ch-tag\" dx=\"6\">", f);
			html_write(f, tag);
			fputs("</tspan></text>", f);
		}
		return 1;
	}
	int n = wrapped(f, x, y, 15, "ch-label", LABEL_CW, max_w, label);
	return n + wrapped(f, x, y + 15 * n, 14, "ch-tag", TAG_CW, max_w, tag);
}

void svg_hbar_chart(FILE *f, const char *id, const char *title, const char *axis_label,
		    const struct svg_bar *bars, size_t n)
{
	const double top = 36, xl = 4, x0 = 14, lw = W - 8;
	double h = top, vw = 40;
	for (size_t i = 0; i < n; i++) {
		h += 15.0 * row_labels(NULL, 0, 0, lw, bars[i].label, bars[i].tag) + 20;
		if (text_w(bars[i].value_text, VALUE_CW) > vw)
			vw = text_w(bars[i].value_text, VALUE_CW);
	}
	const double x1 = W - vw - 10; /* room for the value after the longest bar */
	double y_axis = h;
	h += 44;
	double lo, hi;
	range_of(&bars[0].value, n, sizeof(bars[0]), &lo, &hi);
	double sx = (x1 - x0) / (hi - lo), zero = x0 - lo * sx;

	svg_open(f, id, title, h);
	hatch_def(f, id);
	x_axis(f, lo, hi, x0, x1, top - 4, y_axis, axis_label, NULL);
	double y = top;
	for (size_t i = 0; i < n; i++) {
		const struct svg_bar *b = &bars[i];
		fputs("<g class=\"row\">", f);
		int lines = row_labels(f, xl, y + 11, lw, b->label, b->tag);
		double by = y + 15.0 * lines - 1;
		double w = b->value * sx;
		bar(f, id, zero, by, w, 13, b->style, b->hatched);
		double tx = b->value >= 0 ? zero + (w < 1 ? 1 : w) + 4 : zero + 4;
		svg_text(f, tx, by + 11, "start", "ch-value", b->value_text);
		fputs("</g>", f);
		y += 15.0 * lines + 20;
	}
	fputs("</svg>\n", f);
}

void svg_waterfall(FILE *f, const char *id, const char *title, const char *axis_label,
		   const struct svg_step *steps, size_t n, const struct svg_marker *m, size_t nm)
{
	const double xl = 4, x0 = 14, lw = W - 8;
	const double top = 36 + (nm ? 18 : 0);
	double h = top, vw = 40;
	for (size_t i = 0; i < n; i++) {
		h += 15.0 * row_labels(NULL, 0, 0, lw, steps[i].label, steps[i].note) + 20;
		if (text_w(steps[i].value_text, VALUE_CW) > vw)
			vw = text_w(steps[i].value_text, VALUE_CW);
	}
	const double x1 = W - vw - 10;
	double y_axis = h;
	h += 44;
	/* the range covers every running total and marker */
	double run = 0, lo = 0, hi = 0;
	for (size_t i = 0; i < n; i++) {
		run = steps[i].total ? steps[i].delta : run + steps[i].delta;
		if (run < lo)
			lo = run;
		if (run > hi)
			hi = run;
	}
	for (size_t i = 0; i < nm; i++) {
		if (m[i].x < lo)
			lo = m[i].x;
		if (m[i].x > hi)
			hi = m[i].x;
	}
	if (hi - lo <= 0)
		hi = lo + 1;
	double sx = (x1 - x0) / (hi - lo);

	svg_open(f, id, title, h);
	hatch_def(f, id);
	x_axis(f, lo, hi, x0, x1, top - 4, y_axis, axis_label, NULL);
	run = 0;
	double prev_end = 0, prev_by = 0, y = top;
	for (size_t i = 0; i < n; i++) {
		const struct svg_step *s = &steps[i];
		double from = s->total ? 0 : run, to = s->total ? s->delta : run + s->delta;
		double xa = x0 + (from - lo) * sx, xb = x0 + (to - lo) * sx;
		fputs("<g class=\"row\">", f);
		int lines = row_labels(f, xl, y + 11, lw, s->label, s->note);
		double by = y + 15.0 * lines - 1;
		bar(f, id, xa, by, xb - xa, 13, s->total ? 0 : s->delta < 0 ? 3 : 1,
		    !s->total && s->delta < 0);
		/* connector from the previous bar's end */
		if (i > 0)
			fprintf(f,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ch-conn\"/>",
				prev_end, prev_by + 13, prev_end, by);
		double right = xa > xb ? xa : xb;
		svg_text(f, right + 4, by + 11, "start", "ch-value", s->value_text);
		fputs("</g>", f);
		run = to;
		prev_end = xb;
		prev_by = by;
		y += 15.0 * lines + 20;
	}
	for (size_t i = 0; i < nm; i++) {
		double x = x0 + (m[i].x - lo) * sx;
		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"mk\" "
			"stroke-dasharray=\"%s\"/>",
			x, top - 12, x, y_axis, DASH[1 + i % 3]);
		double tw = text_w(m[i].label, LABEL_CW);
		const char *anchor = x + tw / 2 > W - 2 ? "end" : x - tw / 2 < 2 ? "start" : "middle";
		svg_text(f, x, top - 16, anchor, "ch-mark", m[i].label);
	}
	fputs("</svg>\n", f);
}

/* x ticks shared by the time-series charts */
static void time_ticks(FILE *f, double x0, double sx, double top, double yb, double x_max,
		       double x_tick, const char *const *labels, const char *x_label, double x1)
{
	char buf[64];
	size_t ti = 0;
	for (double v = 0; x_tick > 0 && v <= x_max + 1e-9; v += x_tick, ti++) {
		double x = x0 + v * sx;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ch-grid\"/>", x,
			top, x, yb + 4);
		if (labels && labels[ti] && v + x_tick <= x_max + 1e-9)
			svg_text(f, x + (x_tick * sx) / 2, yb + 16, "middle", "ch-axis", labels[ti]);
		else if (!labels) {
			tick_text(buf, sizeof(buf), NULL, v);
			svg_text(f, x, yb + 16, "middle", "ch-axis", buf);
		}
	}
	svg_text(f, (x0 + x1) / 2, yb + 36, "middle", "ch-axis", x_label);
}

double svg_line_chart(FILE *f, const char *id, const char *title, const char *x_label,
		    const char *y_label, double x_max, double x_tick,
		    const char *const *x_tick_labels, const struct svg_series *s, size_t ns,
		    int from_zero)
{
	/* legend rows under the title: a line sample in the series' style and
	 * its name, wrapped to the chart's width */
	int rows = 1;
	double lx = 4;
	for (size_t k = 0; k < ns; k++) {
		double iw = 40 + text_w(s[k].name, LABEL_CW);
		if (lx > 4 && lx + iw > W) {
			rows++;
			lx = 4;
		}
		lx += iw + 10;
	}
	const double top = 40 + 18.0 * rows, x0 = 40, x1 = W - 8, h = top + 200, yb = h - 50;
	double ymax = 0, ymin = HUGE_VAL;
	for (size_t k = 0; k < ns; k++)
		for (size_t i = 0; i < s[k].n; i++) {
			if (s[k].y[i] > ymax)
				ymax = s[k].y[i];
			if (s[k].y[i] < ymin)
				ymin = s[k].y[i];
		}
	if (from_zero || !(ymin < ymax) || ymin <= 0)
		ymin = 0;
	double ystep = svg_nice_step(ymax - ymin > 0 ? ymax - ymin : 1, 5);
	ymin = floor(ymin / ystep + 1e-9) * ystep;
	ymax = ceil((ymax > ymin ? ymax : ymin + 1) / ystep - 1e-9) * ystep;
	double sy = (yb - top) / (ymax - ymin), sx = (x1 - x0) / (x_max > 0 ? x_max : 1);
	char buf[64];

	svg_open(f, id, title, h);
	lx = 4;
	double ly = 36;
	for (size_t k = 0; k < ns; k++) {
		double iw = 40 + text_w(s[k].name, LABEL_CW);
		if (lx > 4 && lx + iw > W) {
			ly += 18;
			lx = 4;
		}
		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"s%zu\" "
			"stroke-dasharray=\"%s\"/>",
			lx, ly - 4, lx + 28, ly - 4, k % 4, DASH[k % 4]);
		svg_text(f, lx + 34, ly, "start", "ch-label", s[k].name);
		lx += iw + 10;
	}
	/* y grid and ticks (an axis that does not start at 0 says so: its
	 * bottom line is dashed) */
	for (double v = ymin; v <= ymax + ystep * 1e-9; v += ystep) {
		double y = yb - (v - ymin) * sy;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"%s/>", x0,
			y, x1, y, v == ymin ? "ch-axisline" : "ch-grid",
			v == ymin && ymin != 0 ? " stroke-dasharray=\"4 3\"" : "");
		tick_text(buf, sizeof(buf), NULL, v);
		svg_text(f, x0 - 5, y + 4, "end", "ch-axis", buf);
	}
	fprintf(f, "<text transform=\"translate(11 %.1f) rotate(-90)\" text-anchor=\"middle\" "
		   "class=\"ch-axis\">",
		(top + yb) / 2);
	html_write(f, y_label);
	fputs("</text>", f);
	time_ticks(f, x0, sx, top, yb, x_max, x_tick, x_tick_labels, x_label, x1);
	/* the series */
	for (size_t k = 0; k < ns; k++) {
		const struct svg_series *p = &s[k];
		if (!p->n)
			continue;
		double dx = p->step ? x_max / (double)p->n : p->n > 1 ? x_max / (double)(p->n - 1) : 0;
		fprintf(f, "<path class=\"s%zu\" stroke-dasharray=\"%s\" fill=\"none\" d=\"", k % 4,
			DASH[k % 4]);
		for (size_t i = 0; i < p->n; i++) {
			double x = x0 + (double)i * dx * sx, y = yb - (p->y[i] - ymin) * sy;
			if (p->step) {
				/* hold each value until the next point */
				if (i == 0)
					fprintf(f, "M%.1f %.1f", x, y);
				else
					fprintf(f, "V%.1f", y);
				fprintf(f, "H%.1f", x + dx * sx);
			} else {
				fprintf(f, "%c%.1f %.1f", i ? 'L' : 'M', x, y);
			}
		}
		fputs("\"/>", f);
	}
	fputs("</svg>\n", f);
	return ymin;
}

void svg_histogram(FILE *f, const char *id, const char *title, const char *x_label,
		   const char *y_label, double x0v, double x1v, const unsigned *counts,
		   size_t nbins, const struct svg_marker *m, size_t nm, const char *x_fmt)
{
	const double top = 72, x0 = 40, x1 = W - 8, h = 290, yb = h - 50;
	unsigned cmax = 1;
	for (size_t i = 0; i < nbins; i++)
		if (counts[i] > cmax)
			cmax = counts[i];
	double ystep = svg_nice_step(cmax, 5);
	double ymax = ceil(cmax / ystep - 1e-9) * ystep;
	double span = x1v - x0v > 0 ? x1v - x0v : 1;
	double sy = (yb - top) / ymax, sx = (x1 - x0) / span;
	char buf[64];

	svg_open(f, id, title, h);
	for (double v = 0; v <= ymax + ystep * 1e-9; v += ystep) {
		double y = yb - v * sy;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x0, y,
			x1, y, v == 0 ? "ch-axisline" : "ch-grid");
		tick_text(buf, sizeof(buf), NULL, v);
		svg_text(f, x0 - 6, y + 4, "end", "ch-axis", buf);
	}
	fprintf(f, "<text transform=\"translate(11 %.1f) rotate(-90)\" text-anchor=\"middle\" "
		   "class=\"ch-axis\">",
		(top + yb) / 2);
	html_write(f, y_label);
	fputs("</text>", f);
	double bw = (x1 - x0) / (double)(nbins ? nbins : 1);
	for (size_t i = 0; i < nbins; i++) {
		double hh = counts[i] * sy;
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"c1\"/>",
			x0 + (double)i * bw + 0.5, yb - hh, bw - 1 > 0.5 ? bw - 1 : 0.5, hh);
	}
	double xstep = svg_nice_step(span, 6);
	for (double v = ceil(x0v / xstep - 1e-9) * xstep; v <= x1v + xstep * 1e-9; v += xstep) {
		double x = x0 + (v - x0v) * sx;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ch-axisline\"/>",
			x, yb, x, yb + 4);
		tick_text(buf, sizeof(buf), x_fmt, v);
		svg_text(f, x, yb + 17, "middle", "ch-axis", buf);
	}
	svg_text(f, (x0 + x1) / 2, yb + 38, "middle", "ch-axis", x_label);
	/* markers: dashed lines, labels staggered on three rows above the plot */
	for (size_t i = 0; i < nm; i++) {
		double x = x0 + (m[i].x - x0v) * sx;
		double ly = 34 + 12.0 * (double)(i % 3);
		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"mk\" "
			"stroke-dasharray=\"%s\"/>",
			x, ly + 3, x, yb, DASH[1 + i % 3]);
		const char *anchor = x < x0 + 60 ? "start" : x > x1 - 60 ? "end" : "middle";
		svg_text(f, x, ly, anchor, "ch-mark", m[i].label);
	}
	fputs("</svg>\n", f);
}

void svg_step_panels(FILE *f, const char *id, const char *title, const char *x_label,
		     const char *y_label, double x_max, double x_tick,
		     const char *const *x_tick_labels, const struct svg_series *s, size_t ns)
{
	const double x0 = 40, x1 = W - 8, top = 30, ph = 54, gap = 26;
	double h = top + (ph + gap) * (double)ns + 44;
	double sx = (x1 - x0) / (x_max > 0 ? x_max : 1);
	char buf[64];

	svg_open(f, id, title, h);
	fprintf(f, "<text transform=\"translate(11 %.1f) rotate(-90)\" text-anchor=\"middle\" "
		   "class=\"ch-axis\">",
		top + (ph + gap) * (double)ns / 2);
	html_write(f, y_label);
	fputs("</text>", f);
	for (size_t k = 0; k < ns; k++) {
		const struct svg_series *p = &s[k];
		double py = top + (double)k * (ph + gap) + gap; /* panel top */
		double ymax = 1;
		for (size_t i = 0; i < p->n; i++)
			if (p->y[i] > ymax)
				ymax = p->y[i];
		ymax = ceil(ymax);
		double ystep = ymax <= 4 ? 1 : svg_nice_step(ymax, 3);
		ymax = ceil(ymax / ystep) * ystep;
		double sy = ph / ymax, yb = py + ph;
		svg_text(f, x0, py - 6, "start", "ch-label", p->name);
		for (double v = 0; v <= ymax + 1e-9; v += ystep) {
			double y = yb - v * sy;
			fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
				x0, y, x1, y, v == 0 ? "ch-axisline" : "ch-grid");
			tick_text(buf, sizeof(buf), NULL, v);
			svg_text(f, x0 - 5, y + 4, "end", "ch-axis", buf);
		}
		if (!p->n)
			continue;
		double dx = x_max / (double)p->n;
		fprintf(f, "<path class=\"s%zu\" stroke-dasharray=\"%s\" fill=\"none\" d=\"", k % 4,
			DASH[k % 4]);
		for (size_t i = 0; i < p->n; i++) {
			double x = x0 + (double)i * dx * sx, y = yb - p->y[i] * sy;
			if (i == 0)
				fprintf(f, "M%.1f %.1f", x, y);
			else
				fprintf(f, "V%.1f", y);
			fprintf(f, "H%.1f", x + dx * sx);
		}
		fputs("\"/>", f);
	}
	double yb = top + (ph + gap) * (double)ns;
	time_ticks(f, x0, sx, top + gap, yb, x_max, x_tick, x_tick_labels, x_label, x1);
	fputs("</svg>\n", f);
}

/* Where a range row's value text goes: after the span, before it, or on a
 * line of its own under it (returns 1 then). */
static int range_text_x(const struct svg_range *r, double x0, double x0v, double sx, double *tx)
{
	double tw = text_w(r->value_text, VALUE_CW);
	if (r->mid < 0) { /* (NaN is not < 0: a span without a dot) */
		*tx = x0;
		return 0;
	}
	double a = x0 + (r->lo - x0v) * sx, b = x0 + (r->hi - x0v) * sx;
	if (b + 8 + tw <= W - 2) {
		*tx = b + 8;
		return 0;
	}
	if (a - 8 - tw >= 2) {
		*tx = a - 8 - tw;
		return 0;
	}
	*tx = x0;
	return 1;
}

void svg_range_chart(FILE *f, const char *id, const char *title, const char *axis_label,
		     double x0v, double x1v, double x_tick, const struct svg_range *r, size_t n)
{
	const double xl = 4, x0 = 14, x1 = W - 16, lw = W - 8, top = 36;
	double span = x1v - x0v > 0 ? x1v - x0v : 1, sx = (x1 - x0) / span, tx;
	double h = top;
	for (size_t i = 0; i < n; i++)
		h += 15.0 * (row_labels(NULL, 0, 0, lw, r[i].label, NULL) +
			     range_text_x(&r[i], x0, x0v, sx, &tx)) +
		     24;
	double y_axis = h;
	h += 44;
	char buf[64];

	svg_open(f, id, title, h);
	for (double v = x0v; x_tick > 0 && v <= x1v + 1e-9; v += x_tick) {
		double x = x0 + (v - x0v) * sx;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ch-grid\"/>", x,
			top - 4, x, y_axis);
		tick_text(buf, sizeof(buf), NULL, v);
		svg_text(f, x, y_axis + 16, "middle", "ch-axis", buf);
	}
	fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ch-axisline\"/>", x0,
		y_axis, x1, y_axis);
	svg_text(f, (x0 + x1) / 2, y_axis + 36, "middle", "ch-axis", axis_label);
	double y = top;
	for (size_t i = 0; i < n; i++) {
		fputs("<g class=\"row\">", f);
		int lines = row_labels(f, xl, y + 11, lw, r[i].label, NULL);
		int below = range_text_x(&r[i], x0, x0v, sx, &tx);
		double by = y + 15.0 * lines + 5;
		if (!(r[i].mid < 0)) {
			double a = x0 + (r[i].lo - x0v) * sx, b = x0 + (r[i].hi - x0v) * sx;
			double m = x0 + (r[i].mid - x0v) * sx;
			fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"span\"/>",
				a, by, b, by);
			fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"span-end\"/>"
				   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"span-end\"/>",
				a, by - 5, a, by + 5, b, by - 5, b, by + 5);
			if (!isnan(m))
				fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" class=\"span-mid\"/>",
					m, by);
		}
		svg_text(f, tx, by + 4 + 15.0 * below, "start", !(r[i].mid < 0) ? "ch-value" : "ch-tag",
			 r[i].value_text);
		fputs("</g>", f);
		y += 15.0 * (lines + below) + 24;
	}
	fputs("</svg>\n", f);
}
