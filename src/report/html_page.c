/*
 * html_page.c - the HTML report's document: head, stylesheet, the order of
 * the sections, and small helpers the sections share.
 *
 * The stylesheet is inline and uses only local system fonts; the page has
 * no script, no link, no image and no url() so it loads nothing. Colours
 * come from the Okabe-Ito palette (distinguishable with the common colour
 * vision deficiencies), and every mark also carries a text label. The
 * layout is one column that narrows to a phone's width; wide tables scroll
 * inside their own box; @media print keeps charts and rows whole.
 */
#include <string.h>

#include "util/escape.h"
#include "report/html.h"
#include "report/report.h"

static const char CSS[] =
	":root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--card:#f6f8fa;"
	"--accent:#0072b2;--up:#b35900;--down:#00734f}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{margin:0;color:var(--fg);background:var(--bg);"
	"font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
	"main{max-width:56rem;margin:0 auto;padding:1.25rem 1rem 3rem}\n"
	"header{border-bottom:3px solid var(--fg);padding-bottom:.75rem;margin-bottom:1rem}\n"
	"h1{font-size:1.6rem;line-height:1.25;margin:0 0 .25rem;overflow-wrap:anywhere}\n"
	"h2{font-size:1.3rem;margin:2.25rem 0 .5rem;padding-top:.75rem;border-top:1px solid var(--line)}\n"
	".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
	"h3{font-size:1.05rem;margin:1.25rem 0 .4rem}\n"
	"p{margin:.4rem 0 .8rem}\n"
	".sub{color:var(--muted);margin:0}\n"
	".toc{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem;margin:-.25rem 0 .5rem}\n"
	".toc a{color:var(--accent)}\n"
	".desc{margin:.5rem 0 0}\n"
	"code,kbd{font:.9em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}\n"
	"pre{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;"
	"white-space:pre-wrap;overflow-wrap:anywhere;margin:.4rem 0 1rem}\n"
	/* headline cards */
	".cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}\n"
	".card{flex:1 1 12rem;background:var(--card);border:1px solid var(--line);border-radius:8px;"
	"padding:.75rem 1rem}\n"
	".card.main{flex-basis:16rem;border:2px solid var(--fg)}\n"
	".card .k{color:var(--muted);font-size:.9rem}\n"
	".card .v{font-size:1.9rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}\n"
	".card .v small{font-size:1rem;font-weight:400;color:var(--muted)}\n"
	".card .s{font-size:.9rem;color:var(--muted)}\n"
	".up{color:var(--up)}.down{color:var(--down)}\n"
	/* tables */
	".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0 1rem}\n"
	"table{border-collapse:collapse;width:100%;font-size:.92rem}\n"
	"th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n"
	"thead th{border-bottom:2px solid var(--fg);font-size:.85rem;color:var(--muted)}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.item th,tr.item td{background:var(--card);font-weight:600;border-top:1px solid var(--line)}\n"
	"tr.item th{overflow-wrap:anywhere}\n"
	"tr.line td:first-child{padding-left:1.25rem}\n"
	"tr.total th,tr.total td{border-top:2px solid var(--fg);border-bottom:none;font-weight:700;"
	"font-size:1rem}\n"
	".note{display:block;color:var(--muted);font-size:.82rem;font-weight:400}\n"
	".why{color:var(--muted);font-size:.88rem;margin:.15rem 0 0}\n"
	"ul.lines{margin:.2rem 0 0;padding-left:1.1rem;font-size:.85rem;color:var(--muted)}\n"
	".legend{font-size:.88rem;color:var(--muted)}\n"
	".warn{border-left:4px solid var(--up);background:#fff8f0;padding:.4rem .75rem;margin:.5rem 0}\n"
	".missing{border:1px dashed var(--muted);border-radius:6px;padding:.6rem .8rem;color:var(--muted)}\n"
	/* charts */
	"figure{margin:1rem 0 1.5rem}\n"
	"svg.chart{display:block;width:100%;max-width:520px;height:auto;overflow:visible}\n"
	".ch-title{font-size:14px;font-weight:700;fill:var(--fg)}\n"
	".ch-label{font-size:12.5px;fill:var(--fg)}\n"
	".ch-tag{font-size:11.5px;fill:var(--muted)}\n"
	/* a white halo keeps labels legible where grid lines cross them */
	".ch-label,.ch-tag,.ch-mark,.ch-value{paint-order:stroke;stroke:#fff;stroke-width:3px;"
	"stroke-linejoin:round}\n"
	".ch-value{font-size:12px;font-weight:700;fill:var(--fg);font-variant-numeric:tabular-nums}\n"
	".ch-axis{font-size:11.5px;fill:var(--muted)}\n"
	".ch-mark{font-size:11.5px;font-weight:700;fill:var(--fg)}\n"
	".ch-grid{stroke:#e4e8ec;stroke-width:1}\n"
	".ch-zero,.ch-axisline{stroke:#57606a;stroke-width:1}\n"
	".ch-conn{stroke:#8c959f;stroke-width:1;stroke-dasharray:2 2}\n"
	".c0{fill:#0072b2}.c1{fill:#e69f00}.c2{fill:#009e73}.c3{fill:#cc79a7}.c4{fill:#56b4e9}"
	".c5{fill:#8c959f}\n"
	".hatch-bg{fill:none}.hatch-ln{stroke:#fff;stroke-width:2.5}\n"
	".s0,.s1,.s2,.s3{stroke-width:1.6;fill:none;stroke-linejoin:round}\n"
	".span{stroke:var(--fg);stroke-width:3}.span-end{stroke:var(--fg);stroke-width:1.5}"
	".span-mid{fill:#e69f00;stroke:var(--fg);stroke-width:1.5}\n"
	".s0{stroke:#0072b2}.s1{stroke:#d55e00}.s2{stroke:#009e73}.s3{stroke:#cc79a7}\n"
	".mk{stroke:var(--fg);stroke-width:1.5}\n"
	"footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);"
	"padding-top:.5rem}\n"
	"@media (max-width:600px){main{padding:.75rem .6rem 2rem}h1{font-size:1.35rem}"
	".card .v{font-size:1.6rem}table{font-size:.84rem}th,td{padding:.25rem .3rem}"
	".narrow-hide{display:none}}\n"
	"@media print{body{font-size:11pt}main{max-width:none;padding:0}"
	"h2{break-after:avoid;page-break-after:avoid}"
	"figure,.cards,tr{break-inside:avoid;page-break-inside:avoid}"
	".scroll{overflow:visible}.toc{display:none}"
	".card{border-color:#000}svg.chart{max-width:100%}}\n"
	"@page{margin:14mm}\n";

const char *html_usd(dec a, char *buf)
{
	return dec_format_usd(a, buf, DEC_BUFSZ);
}

const char *html_usd_signed(dec a, char *buf)
{
	if (dec_cmp(a, dec_zero()) > 0) {
		buf[0] = '+';
		dec_format_usd(a, buf + 1, DEC_BUFSZ - 1);
		return buf;
	}
	return dec_format_usd(a, buf, DEC_BUFSZ);
}

int html_category_style(enum category c)
{
	switch (c) {
	case CAT_COMPUTE:
		return 0;
	case CAT_NETWORK:
		return 1;
	case CAT_DATA:
		return 2;
	case CAT_OBSERVABILITY:
		return 4;
	case CAT_SECURITY:
		return 3;
	default:
		return 5;
	}
}

void html_report(FILE *f, const struct html_page *p)
{
	const struct breakdown *b = p->b;
	char pub[96], usd[DEC_BUFSZ];
	report_prices_valid(b, pub, sizeof(pub));

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      /* belt and braces: even if markup slipped in, nothing may load or run */
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n"
	      "<meta name=\"generator\" content=\"costplan ",
	      f);
	html_write(f, p->version);
	fputs("\">\n<title>", f);
	html_write(f, b->scenario);
	fprintf(f, ": %s a month on AWS</title>\n<style>\n", html_usd(b->total, usd));
	fputs(CSS, f);
	fputs("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>Monthly AWS cost: ", f);
	html_write(f, b->scenario);
	fputs("</h1>\n<p class=\"sub\">Region ", f);
	html_write(f, b->region);
	fprintf(f, " &middot; USD, %d hours a month &middot; list ", HOURS_PER_MONTH);
	html_write(f, pub);
	fprintf(f, " &middot; free tier %s</p>\n", b->free_tier ? "applied" : "left out");
	if (p->description && p->description[0]) {
		fputs("<p class=\"desc\">", f);
		html_write(f, p->description);
		fputs("</p>\n", f);
	}
	fputs("</header>\n<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#headline\">At a glance</a> "
	      "<a href=\"#money\">Where the money goes</a> ",
	      f);
	if (p->up || p->upgrades_missing)
		fputs("<a href=\"#upgrades-path\">Upgrade path</a> ", f);
	if (p->sim || p->sim_missing)
		fputs("<a href=\"#simulation\">Simulation</a> ", f);
	fputs("<a href=\"#sources\">Sources</a></nav>\n", f);

	html_section_headline(f, p);
	html_section_breakdown(f, p);
	if (p->up || p->upgrades_missing)
		html_section_upgrades(f, p);
	if (p->sim || p->sim_missing)
		html_section_simulation(f, p);
	html_section_sources(f, p);

	fputs("<footer>Made by costplan ", f);
	html_write(f, p->version);
	fputs(" from the scenario and the price snapshot named above. Every figure is a list price "
	      "rounded to the cent; each total is the sum of the rounded lines shown.</footer>\n"
	      "</main>\n</body>\n</html>\n",
	      f);
}
