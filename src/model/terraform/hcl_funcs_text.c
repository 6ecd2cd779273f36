/*
 * hcl_funcs_text.c - string functions: format, formatlist, join, split,
 * replace, regex, regexall, lower, upper, title, trimspace, trim,
 * trimprefix, trimsuffix, chomp, substr, startswith, endswith, strcontains,
 * strrev, indent, base64encode, base64decode.
 *
 * Case mapping (lower, upper, title) changes ASCII letters only; other
 * characters pass through unchanged. Lengths and offsets (substr, strrev)
 * count code points, where Terraform counts grapheme clusters: the two
 * differ only for combining sequences.
 *
 * Regular expressions: see hcl_funcs.h. The regex_t lives outside the
 * arena, so each use runs under a cleanup guard that frees it before any
 * failure unwinds.
 */
#include "model/terraform/hcl_funcs_lib.h"

#include <ctype.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#define R (ev->r)

/* ---- format ------------------------------------------------------------ */

static void quote_into(struct fbuf *b, const char *s, size_t n)
{
	fb_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		switch (c) {
		case '"':
			fb_addz(b, "\\\"");
			break;
		case '\\':
			fb_addz(b, "\\\\");
			break;
		case '\n':
			fb_addz(b, "\\n");
			break;
		case '\r':
			fb_addz(b, "\\r");
			break;
		case '\t':
			fb_addz(b, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(esc, sizeof(esc), "\\x%02x", c);
				fb_addz(b, esc);
			} else {
				fb_addc(b, (char)c);
			}
		}
	}
	fb_addc(b, '"');
}

static void pad(struct fbuf *b, const char *s, size_t n, long width, bool left, char fill)
{
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	long padn = width > (long)chars ? width - (long)chars : 0;
	if (!left)
		for (long i = 0; i < padn; i++)
			fb_addc(b, fill);
	fb_add(b, s, n);
	if (left)
		for (long i = 0; i < padn; i++)
			fb_addc(b, ' ');
}

/* format's core; returns the string, or fails. args[0..n) are the values. */
static struct hval *do_format(struct hcl_eval *ev, struct hval *fmtv, struct hval **args, size_t n,
			      const struct hcl_pos *pos, const char *fn)
{
	struct fbuf b = {R, NULL, 0, 0};
	const char *f = fmtv->s.p, *end = fmtv->s.p + fmtv->s.n;
	size_t argi = 0;
	char d[80];
	while (f < end) {
		if (*f != '%') {
			fb_addc(&b, *f++);
			continue;
		}
		f++;
		if (f < end && *f == '%') {
			fb_addc(&b, '%');
			f++;
			continue;
		}
		bool minus = false, plus = false, sharp = false, space = false, zero = false;
		for (; f < end && strchr("-+# 0", *f); f++) {
			minus |= *f == '-';
			plus |= *f == '+';
			sharp |= *f == '#';
			space |= *f == ' ';
			zero |= *f == '0';
		}
		long width = -1, prec = -1;
		if (f < end && *f == '[') {
			long idx = 0;
			for (f++; f < end && isdigit((unsigned char)*f); f++)
				idx = idx * 10 + (*f - '0');
			if (f >= end || *f != ']' || idx < 1)
				hcl_fail(R, pos, "%s(): invalid argument index in the format", fn);
			f++;
			argi = (size_t)idx - 1;
		}
		for (; f < end && isdigit((unsigned char)*f) && width < 10000; f++)
			width = (width < 0 ? 0 : width) * 10 + (*f - '0');
		if (f < end && *f == '.') {
			prec = 0;
			for (f++; f < end && isdigit((unsigned char)*f) && prec < 10000; f++)
				prec = prec * 10 + (*f - '0');
		}
		if (f >= end)
			hcl_fail(R, pos, "%s(): the format ends inside a %% verb", fn);
		char verb = *f++;
		if (argi >= n)
			hcl_fail(R, pos, "%s(): not enough arguments for the format (verb %%%c)", fn, verb);
		struct hval *v = args[argi++];
		char cf[32], out[512];
		switch (verb) {
		case 'v':
		case 's':
		case 'q': {
			struct hval *s;
			if (verb == 'v' && (sharp || v->kind == HV_LIST || v->kind == HV_SET ||
					    v->kind == HV_OBJECT || v->kind == HV_NULL)) {
				s = hcl_jsonencode(ev, v, pos);
			} else if (v->kind == HV_NULL || !hv_to_string(R, v, &s)) {
				hcl_fail(R, pos, "%s(): %%%c needs a string, not %s", fn, verb,
					 hcl_describe(v, d, sizeof(d)));
			}
			size_t len = s->s.n;
			if (prec >= 0 && verb != 'q') {
				size_t chars = 0, i = 0;
				for (; i < s->s.n; i++) {
					if (((unsigned char)s->s.p[i] & 0xC0) != 0x80) {
						if ((long)chars == prec)
							break;
						chars++;
					}
				}
				len = i;
			}
			if (verb == 'q') {
				struct fbuf q = {R, NULL, 0, 0};
				quote_into(&q, s->s.p, s->s.n);
				pad(&b, q.p, q.n, width, minus, ' ');
			} else {
				pad(&b, s->s.p, len, width, minus, zero && !minus ? '0' : ' ');
			}
			break;
		}
		case 't':
			if (v->kind != HV_BOOL && !hv_to_bool(v, &v))
				hcl_fail(R, pos, "%s(): %%t needs a bool, not %s", fn,
					 hcl_describe(v, d, sizeof(d)));
			pad(&b, v->b ? "true" : "false", v->b ? 4 : 5, width, minus, ' ');
			break;
		case 'd':
		case 'b':
		case 'o':
		case 'x':
		case 'X':
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G': {
			struct hval *num;
			if (v->kind == HV_NULL || !hv_to_number(R, v, &num))
				hcl_fail(R, pos, "%s(): %%%c needs a number, not %s", fn, verb,
					 hcl_describe(v, d, sizeof(d)));
			double x = num->n;
			bool integer = strchr("dboxX", verb) != NULL;
			if (integer && (x != floor(x) || fabs(x) > 9e18))
				hcl_fail(R, pos, "%s(): %%%c needs a whole number, not %s", fn, verb,
					 hcl_describe(num, d, sizeof(d)));
			if (verb == 'b') {
				char bits[70];
				unsigned long long u = (unsigned long long)(x < 0 ? -x : x);
				size_t k = sizeof(bits) - 1;
				bits[k] = '\0';
				do {
					bits[--k] = (char)('0' + (u & 1));
					u >>= 1;
				} while (u);
				if (x < 0)
					bits[--k] = '-';
				pad(&b, bits + k, strlen(bits + k), width, minus, zero ? '0' : ' ');
				break;
			}
			int o = snprintf(cf, sizeof(cf), "%%%s%s%s%s%s", minus ? "-" : "", plus ? "+" : "",
					 sharp ? "#" : "", space ? " " : "", zero ? "0" : "");
			if (width >= 0)
				o += snprintf(cf + o, sizeof(cf) - (size_t)o, "%ld", width > 300 ? 300 : width);
			if (prec >= 0)
				o += snprintf(cf + o, sizeof(cf) - (size_t)o, ".%ld", prec > 300 ? 300 : prec);
			/* cf is built above from checked flags, width, precision and verb */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			if (integer) {
				snprintf(cf + o, sizeof(cf) - (size_t)o, "ll%c", verb == 'd' ? 'd' : verb);
				if (verb == 'd')
					snprintf(out, sizeof(out), cf, (long long)x);
				else
					snprintf(out, sizeof(out), cf, (unsigned long long)(long long)x);
			} else {
				snprintf(cf + o, sizeof(cf) - (size_t)o, "%c", verb == 'F' ? 'f' : verb);
				if (prec < 0 && (verb == 'f' || verb == 'F' || verb == 'e' || verb == 'E'))
					snprintf(cf + o, sizeof(cf) - (size_t)o, ".6%c", verb == 'F' ? 'f' : verb);
				snprintf(out, sizeof(out), cf, x);
			}
#pragma GCC diagnostic pop
			fb_addz(&b, out);
			break;
		}
		default:
			hcl_fail(R, pos, "%s(): unsupported format verb %%%c", fn, verb);
		}
	}
	return fb_value(&b);
}

static struct hval *f_format(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	return do_format(ev, fa_string(ev, a, 0, "format", pos), a + 1, n - 1, pos, "format");
}

static struct hval *f_formatlist(struct hcl_eval *ev, struct hval **a, size_t n,
				 const struct hcl_pos *pos)
{
	struct hval *fmt = fa_string(ev, a, 0, "formatlist", pos);
	long len = -1;
	for (size_t i = 1; i < n; i++)
		if (a[i]->kind == HV_LIST || a[i]->kind == HV_SET) {
			if (len >= 0 && (size_t)len != a[i]->l.n)
				hcl_fail(R, pos, "formatlist(): the list arguments must be as long as each other");
			len = (long)a[i]->l.n;
		}
	if (len < 0)
		len = 1;
	struct hv_listb out;
	hv_listb_init(&out, R);
	struct hval **row = hcl_alloc_array(R, n, sizeof(*row));
	for (long k = 0; k < len; k++) {
		for (size_t i = 1; i < n; i++)
			row[i - 1] = (a[i]->kind == HV_LIST || a[i]->kind == HV_SET) ? a[i]->l.v[k] : a[i];
		hv_listb_add(&out, do_format(ev, fmt, row, n - 1, pos, "formatlist"));
	}
	return hv_listb_finish(&out);
}

/* ---- joining and splitting -------------------------------------------------- */

static struct hval *f_join(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	struct hval *sep = fa_string(ev, a, 0, "join", pos);
	struct fbuf b = {R, NULL, 0, 0};
	bool first = true;
	for (size_t i = 1; i < n; i++) {
		struct hval *l = fa_list(ev, a, i, "join", pos);
		for (size_t j = 0; j < l->l.n; j++) {
			struct hval *s = fa_string(ev, l->l.v, j, "join", pos);
			if (!first)
				fb_add(&b, sep->s.p, sep->s.n);
			fb_add(&b, s->s.p, s->s.n);
			first = false;
		}
	}
	return fb_value(&b);
}

static size_t cp_len(const char *s, size_t left)
{
	size_t k = 1;
	while (k < left && ((unsigned char)s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

static const char *find(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn == 0)
		return h;
	for (size_t i = 0; i + nn <= hn; i++)
		if (h[i] == n[0] && !memcmp(h + i, n, nn))
			return h + i;
	return NULL;
}

static struct hval *f_split(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *sep = fa_string(ev, a, 0, "split", pos);
	struct hval *s = fa_string(ev, a, 1, "split", pos);
	struct hv_listb b;
	hv_listb_init(&b, R);
	const char *p = s->s.p, *end = s->s.p + s->s.n;
	if (sep->s.n == 0) {
		while (p < end) {
			size_t k = cp_len(p, (size_t)(end - p));
			hv_listb_add(&b, hv_string(R, p, k));
			p += k;
		}
		return hv_listb_finish(&b);
	}
	for (;;) {
		const char *q = find(p, (size_t)(end - p), sep->s.p, sep->s.n);
		if (!q) {
			hv_listb_add(&b, hv_string(R, p, (size_t)(end - p)));
			break;
		}
		hv_listb_add(&b, hv_string(R, p, (size_t)(q - p)));
		p = q + sep->s.n;
	}
	return hv_listb_finish(&b);
}

/* ---- regular expressions ------------------------------------------------------ */

/* RE2 syntax to POSIX ERE for the common escapes; fails on what ERE lacks. */
static const char *re_translate(struct hcl_eval *ev, const char *re, size_t n, int *flags,
				const struct hcl_pos *pos, const char *fn)
{
	struct fbuf b = {R, NULL, 0, 0};
	size_t i = 0;
	bool in_class = false;
	*flags = REG_EXTENDED;
	if (n >= 4 && !memcmp(re, "(?i)", 4)) {
		*flags |= REG_ICASE;
		i = 4;
	}
	for (; i < n; i++) {
		char c = re[i];
		if (c == '\\' && i + 1 < n) {
			char e = re[++i];
			const char *cls = NULL, *neg = NULL;
			switch (e) {
			case 'd':
				cls = "0-9";
				break;
			case 'D':
				neg = "0-9";
				break;
			case 'w':
				cls = "A-Za-z0-9_";
				break;
			case 'W':
				neg = "A-Za-z0-9_";
				break;
			case 's':
				cls = "[:space:]";
				break;
			case 'S':
				neg = "[:space:]";
				break;
			default:
				if (isalnum((unsigned char)e))
					hcl_fail(R, pos,
						 "%s(): the regular expression escape \\%c is not supported "
						 "(costplan uses POSIX extended expressions; see the README)",
						 fn, e);
				if (!in_class)
					fb_addc(&b, '\\');
				fb_addc(&b, e);
				continue;
			}
			if (in_class) {
				if (neg)
					hcl_fail(R, pos, "%s(): \\%c inside [ ] is not supported", fn, e);
				fb_addz(&b, cls);
			} else {
				fb_addz(&b, neg ? "[^" : "[");
				fb_addz(&b, neg ? neg : cls);
				fb_addc(&b, ']');
			}
			continue;
		}
		if (!in_class && c == '(' && i + 1 < n && re[i + 1] == '?')
			hcl_fail(R, pos, "%s(): (?...) groups are not supported in regular expressions", fn);
		if (!in_class && (c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < n &&
		    re[i + 1] == '?')
			hcl_fail(R, pos, "%s(): non-greedy repetition is not supported", fn);
		if (c == '[' && !in_class) {
			in_class = true;
			fb_addc(&b, c);
			if (i + 1 < n && re[i + 1] == '^')
				fb_addc(&b, re[++i]);
			if (i + 1 < n && re[i + 1] == ']')
				fb_addc(&b, re[++i]);
			continue;
		}
		if (c == ']' && in_class)
			in_class = false;
		fb_addc(&b, c);
	}
	return b.p ? b.p : "";
}

struct re_match {
	size_t so[10], eo[10];
	bool set[10];
};

struct re_run {
	regex_t re;
	struct re_match *m;
	size_t nm, cap;
	size_t ngroups;
};

/* Compile pattern; all matches of subject (at most max) into rr->m. Under a
 * guard: the regex_t is freed before any failure unwinds. */
static void re_all(struct hcl_eval *ev, struct hval *pattern, struct hval *subject, size_t max,
		   struct re_run *rr, const struct hcl_pos *pos, const char *fn)
{
	int flags;
	char msg[160];
	const char *ere = re_translate(ev, pattern->s.p, pattern->s.n, &flags, pos, fn);
	memset(rr, 0, sizeof(*rr));
	int rc = regcomp(&rr->re, ere, flags);
	if (rc) {
		regerror(rc, &rr->re, msg, sizeof(msg));
		regfree(&rr->re);
		hcl_fail(R, pos, "%s(): invalid regular expression: %s", fn, msg);
	}
	rr->ngroups = rr->re.re_nsub;
	struct hcl_catch guard;
	hcl_catch_push(R, &guard, false);
	if (setjmp(guard.jb)) {
		regfree(&rr->re);
		hcl_rethrow(R);
	}
	if (rr->ngroups > 9)
		hcl_fail(R, pos, "%s(): at most 9 capture groups are supported", fn);
	size_t off = 0;
	while (off <= subject->s.n && rr->nm < max) {
		regmatch_t pm[10];
		if (regexec(&rr->re, subject->s.p + off, 10, pm, off ? REG_NOTBOL : 0) != 0)
			break;
		hcl_step(R, pos);
		rr->m = hcl_grow(R, rr->m, &rr->cap, rr->nm + 1, sizeof(*rr->m));
		struct re_match *m = &rr->m[rr->nm++];
		for (int g = 0; g < 10; g++) {
			m->set[g] = pm[g].rm_so >= 0;
			m->so[g] = m->set[g] ? off + (size_t)pm[g].rm_so : 0;
			m->eo[g] = m->set[g] ? off + (size_t)pm[g].rm_eo : 0;
		}
		size_t next = m->eo[0];
		if (m->eo[0] == m->so[0]) /* empty match: step one character */
			next = m->eo[0] < subject->s.n ? m->eo[0] + cp_len(subject->s.p + m->eo[0],
									   subject->s.n - m->eo[0])
						       : subject->s.n + 1;
		off = next;
	}
	hcl_catch_pop(R, &guard);
	regfree(&rr->re);
}

static bool is_regex(const struct hval *s)
{
	return s->s.n >= 2 && s->s.p[0] == '/' && s->s.p[s->s.n - 1] == '/';
}

static struct hval *regex_pattern(struct hcl_eval *ev, struct hval *s)
{
	return is_regex(s) ? hv_string(R, s->s.p + 1, s->s.n - 2) : s;
}

static struct hval *match_value(struct hcl_eval *ev, const struct re_run *rr,
				const struct re_match *m, const struct hval *subject)
{
	if (rr->ngroups == 0)
		return hv_string(R, subject->s.p + m->so[0], m->eo[0] - m->so[0]);
	struct hval *g[9];
	for (size_t i = 1; i <= rr->ngroups; i++)
		g[i - 1] = m->set[i] ? hv_string(R, subject->s.p + m->so[i], m->eo[i] - m->so[i])
				     : HV_NULLV;
	return hv_list(R, g, rr->ngroups);
}

static struct hval *f_regex(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *pat = fa_string(ev, a, 0, "regex", pos), *s = fa_string(ev, a, 1, "regex", pos);
	struct re_run rr;
	re_all(ev, regex_pattern(ev, pat), s, 1, &rr, pos, "regex");
	if (rr.nm == 0)
		hcl_fail(R, pos, "regex(): the pattern does not match the string");
	return match_value(ev, &rr, &rr.m[0], s);
}

static struct hval *f_regexall(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *pat = fa_string(ev, a, 0, "regexall", pos), *s = fa_string(ev, a, 1, "regexall", pos);
	struct re_run rr;
	re_all(ev, regex_pattern(ev, pat), s, HCL_MAX_COLLECTION, &rr, pos, "regexall");
	struct hv_listb b;
	hv_listb_init(&b, R);
	for (size_t i = 0; i < rr.nm; i++)
		hv_listb_add(&b, match_value(ev, &rr, &rr.m[i], s));
	return hv_listb_finish(&b);
}

static struct hval *f_replace(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "replace", pos);
	struct hval *sub = fa_string(ev, a, 1, "replace", pos);
	struct hval *rep = fa_string(ev, a, 2, "replace", pos);
	struct fbuf b = {R, NULL, 0, 0};
	if (is_regex(sub)) {
		struct re_run rr;
		size_t last = 0;
		re_all(ev, regex_pattern(ev, sub), s, HCL_MAX_COLLECTION, &rr, pos, "replace");
		for (size_t i = 0; i < rr.nm; i++) {
			const struct re_match *m = &rr.m[i];
			fb_add(&b, s->s.p + last, m->so[0] - last);
			for (size_t k = 0; k < rep->s.n; k++) {
				char c = rep->s.p[k];
				if (c == '$' && k + 1 < rep->s.n && rep->s.p[k + 1] == '$') {
					fb_addc(&b, '$');
					k++;
				} else if (c == '$' && k + 1 < rep->s.n &&
					   (isdigit((unsigned char)rep->s.p[k + 1]) || rep->s.p[k + 1] == '{')) {
					size_t j = k + 1;
					bool brace = rep->s.p[j] == '{';
					if (brace)
						j++;
					int g = 0;
					size_t digits = 0;
					while (j < rep->s.n && isdigit((unsigned char)rep->s.p[j]) && digits < 2) {
						g = g * 10 + (rep->s.p[j++] - '0');
						digits++;
					}
					if (!digits || (brace && (j >= rep->s.n || rep->s.p[j] != '}'))) {
						fb_addc(&b, c);
						continue;
					}
					if (brace)
						j++;
					if (g <= 9 && (size_t)g <= rr.ngroups && m->set[g])
						fb_add(&b, s->s.p + m->so[g], m->eo[g] - m->so[g]);
					k = j - 1;
				} else {
					fb_addc(&b, c);
				}
			}
			last = m->eo[0];
		}
		if (last < s->s.n)
			fb_add(&b, s->s.p + last, s->s.n - last);
		return fb_value(&b);
	}
	const char *p = s->s.p, *end = s->s.p + s->s.n;
	if (sub->s.n == 0) { /* between every character, and at both ends */
		fb_add(&b, rep->s.p, rep->s.n);
		while (p < end) {
			size_t k = cp_len(p, (size_t)(end - p));
			fb_add(&b, p, k);
			fb_add(&b, rep->s.p, rep->s.n);
			p += k;
		}
		return fb_value(&b);
	}
	for (;;) {
		const char *q = find(p, (size_t)(end - p), sub->s.p, sub->s.n);
		if (!q) {
			fb_add(&b, p, (size_t)(end - p));
			break;
		}
		fb_add(&b, p, (size_t)(q - p));
		fb_add(&b, rep->s.p, rep->s.n);
		p = q + sub->s.n;
	}
	return fb_value(&b);
}

/* ---- small string functions ----------------------------------------------------- */

static struct hval *casemap(struct hcl_eval *ev, struct hval **a, const struct hcl_pos *pos,
			    const char *fn, int mode)
{
	struct hval *s = fa_string(ev, a, 0, fn, pos);
	char *o = hcl_strndup(R, s->s.p, s->s.n);
	bool word_start = true;
	for (size_t i = 0; i < s->s.n; i++) {
		unsigned char c = (unsigned char)o[i];
		if (mode == 0)
			o[i] = (char)tolower(c);
		else if (mode == 1)
			o[i] = (char)toupper(c);
		else {
			if (word_start && c < 0x80)
				o[i] = (char)toupper(c);
			word_start = isspace(c) != 0;
		}
	}
	return hv_string_own(R, o, s->s.n);
}

static struct hval *f_lower(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return casemap(ev, a, pos, "lower", 0);
}

static struct hval *f_upper(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return casemap(ev, a, pos, "upper", 1);
}

static struct hval *f_title(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return casemap(ev, a, pos, "title", 2);
}

static bool in_set(char c, const char *set, size_t n)
{
	return memchr(set, c, n) != NULL;
}

static struct hval *trim_chars(struct hcl_eval *ev, struct hval *s, const char *set, size_t sn,
			       bool left, bool right)
{
	size_t i = 0, j = s->s.n;
	while (left && i < j && in_set(s->s.p[i], set, sn))
		i++;
	while (right && j > i && in_set(s->s.p[j - 1], set, sn))
		j--;
	return hv_string(R, s->s.p + i, j - i);
}

static struct hval *f_trimspace(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return trim_chars(ev, fa_string(ev, a, 0, "trimspace", pos), " \t\n\r\v\f", 6, true, true);
}

static struct hval *f_trim(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *set = fa_string(ev, a, 1, "trim", pos);
	return trim_chars(ev, fa_string(ev, a, 0, "trim", pos), set->s.p, set->s.n, true, true);
}

static struct hval *f_chomp(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return trim_chars(ev, fa_string(ev, a, 0, "chomp", pos), "\r\n", 2, false, true);
}

static bool has_prefix(const struct hval *s, const struct hval *p)
{
	return s->s.n >= p->s.n && !memcmp(s->s.p, p->s.p, p->s.n);
}

static bool has_suffix(const struct hval *s, const struct hval *p)
{
	return s->s.n >= p->s.n && !memcmp(s->s.p + s->s.n - p->s.n, p->s.p, p->s.n);
}

static struct hval *f_trimprefix(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "trimprefix", pos), *p = fa_string(ev, a, 1, "trimprefix", pos);
	return has_prefix(s, p) ? hv_string(R, s->s.p + p->s.n, s->s.n - p->s.n) : s;
}

static struct hval *f_trimsuffix(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "trimsuffix", pos), *p = fa_string(ev, a, 1, "trimsuffix", pos);
	return has_suffix(s, p) ? hv_string(R, s->s.p, s->s.n - p->s.n) : s;
}

static struct hval *f_startswith(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return hv_bool(has_prefix(fa_string(ev, a, 0, "startswith", pos),
				  fa_string(ev, a, 1, "startswith", pos)));
}

static struct hval *f_endswith(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return hv_bool(has_suffix(fa_string(ev, a, 0, "endswith", pos),
				  fa_string(ev, a, 1, "endswith", pos)));
}

static struct hval *f_strcontains(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "strcontains", pos), *x = fa_string(ev, a, 1, "strcontains", pos);
	return hv_bool(find(s->s.p, s->s.n, x->s.p, x->s.n) != NULL);
}

static struct hval *f_substr(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "substr", pos);
	long long off = fa_integer(ev, a, 1, "substr", pos), len = fa_integer(ev, a, 2, "substr", pos);
	/* code point boundaries */
	size_t *at = hcl_alloc_array(R, s->s.n + 1, sizeof(*at));
	size_t chars = 0;
	for (size_t i = 0; i < s->s.n; i++)
		if (((unsigned char)s->s.p[i] & 0xC0) != 0x80)
			at[chars++] = i;
	at[chars] = s->s.n;
	if (off < 0)
		off += (long long)chars;
	if (off < 0 || off > (long long)chars)
		hcl_fail(R, pos, "substr(): offset %lld is outside the string", off);
	if (len < 0 || off + len > (long long)chars)
		len = (long long)chars - off;
	return hv_string(R, s->s.p + at[off], at[off + len] - at[off]);
}

static struct hval *f_strrev(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "strrev", pos);
	char *o = hcl_alloc(R, s->s.n + 1);
	size_t w = s->s.n;
	for (size_t i = 0; i < s->s.n;) {
		size_t k = cp_len(s->s.p + i, s->s.n - i);
		w -= k;
		memcpy(o + w, s->s.p + i, k);
		i += k;
	}
	return hv_string_own(R, o, s->s.n);
}

static struct hval *f_indent(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	long long k = fa_integer(ev, a, 0, "indent", pos);
	struct hval *s = fa_string(ev, a, 1, "indent", pos);
	struct fbuf b = {R, NULL, 0, 0};
	if (k < 0 || k > 1000)
		hcl_fail(R, pos, "indent(): the number of spaces must be between 0 and 1000");
	for (size_t i = 0; i < s->s.n; i++) {
		fb_addc(&b, s->s.p[i]);
		if (s->s.p[i] == '\n' && i + 1 < s->s.n)
			for (long long j = 0; j < k; j++)
				fb_addc(&b, ' ');
	}
	return fb_value(&b);
}

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static struct hval *f_base64encode(struct hcl_eval *ev, struct hval **a, size_t n,
				   const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "base64encode", pos);
	struct fbuf b = {R, NULL, 0, 0};
	const unsigned char *p = (const unsigned char *)s->s.p;
	for (size_t i = 0; i < s->s.n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < s->s.n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < s->s.n)
			v |= p[i + 2];
		fb_addc(&b, B64[(v >> 18) & 63]);
		fb_addc(&b, B64[(v >> 12) & 63]);
		fb_addc(&b, i + 1 < s->s.n ? B64[(v >> 6) & 63] : '=');
		fb_addc(&b, i + 2 < s->s.n ? B64[v & 63] : '=');
	}
	return fb_value(&b);
}

static struct hval *f_base64decode(struct hcl_eval *ev, struct hval **a, size_t n,
				   const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "base64decode", pos);
	struct fbuf b = {R, NULL, 0, 0};
	unsigned v = 0;
	int bits = 0;
	size_t pad_n = 0;
	if (s->s.n % 4)
		hcl_fail(R, pos, "base64decode(): the text is not base64 (its length is not a multiple of 4)");
	for (size_t i = 0; i < s->s.n; i++) {
		char c = s->s.p[i];
		const char *q = c ? strchr(B64, c) : NULL;
		if (c == '=' && i + 2 >= s->s.n) {
			pad_n++;
			continue;
		}
		if (!q || pad_n)
			hcl_fail(R, pos, "base64decode(): the text is not base64");
		v = (v << 6) | (unsigned)(q - B64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			fb_addc(&b, (char)((v >> bits) & 0xFF));
		}
	}
	struct hval *out = fb_value(&b);
	if (strlen(out->s.p) != out->s.n)
		hcl_fail(R, pos, "base64decode(): the decoded bytes are not text");
	return out;
}

const struct hcl_func hcl_funcs_text[] = {
	{"format", 1, -1, FN_KNOWN, f_format},
	{"formatlist", 1, -1, FN_KNOWN, f_formatlist},
	{"join", 1, -1, FN_KNOWN, f_join},
	{"split", 2, 2, FN_KNOWN, f_split},
	{"replace", 3, 3, FN_KNOWN, f_replace},
	{"regex", 2, 2, FN_KNOWN, f_regex},
	{"regexall", 2, 2, FN_KNOWN, f_regexall},
	{"lower", 1, 1, FN_KNOWN, f_lower},
	{"upper", 1, 1, FN_KNOWN, f_upper},
	{"title", 1, 1, FN_KNOWN, f_title},
	{"trimspace", 1, 1, FN_KNOWN, f_trimspace},
	{"trim", 2, 2, FN_KNOWN, f_trim},
	{"trimprefix", 2, 2, FN_KNOWN, f_trimprefix},
	{"trimsuffix", 2, 2, FN_KNOWN, f_trimsuffix},
	{"chomp", 1, 1, FN_KNOWN, f_chomp},
	{"startswith", 2, 2, FN_KNOWN, f_startswith},
	{"endswith", 2, 2, FN_KNOWN, f_endswith},
	{"strcontains", 2, 2, FN_KNOWN, f_strcontains},
	{"substr", 3, 3, FN_KNOWN, f_substr},
	{"strrev", 1, 1, FN_KNOWN, f_strrev},
	{"indent", 2, 2, FN_KNOWN, f_indent},
	{"base64encode", 1, 1, FN_KNOWN, f_base64encode},
	{"base64decode", 1, 1, FN_KNOWN, f_base64decode},
	{NULL, 0, 0, 0, NULL},
};
