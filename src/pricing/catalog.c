/*
 * catalog.c - lazily loaded price tables. See catalog.h.
 */
#include "pricing/catalog.h"

#include <dirent.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pricing/offer.h"
#include "pricing/regions.h"
#include "util/error.h"
#include "util/paths.h"

const char *const CATALOG_OFFERS[] = {
	"AmazonECS",	 "AmazonEC2",	     "AmazonVPC",
	"AWSELB",	 "AmazonRDS",	     "AmazonElastiCache",
	"AmazonCloudWatch", "AWSSecretsManager", "AmazonS3",
	"AmazonECR",	 "awswaf",	     "AWSSystemsManager",
	"AWSDataTransfer", "AWSLambda",	     "AmazonDynamoDB",
	"AmazonCloudFront", "AmazonRoute53",     "AWSQueueService",
	"AmazonSNS",	 "awskms",	     "AmazonApiGateway",
	"AmazonS3GlacierDeepArchive", NULL,
};

/* The fixed columns of a bulk CSV; every other column is an attribute. */
static const char *const FIXED_COLS[] = {
	"SKU",      "OfferTermCode", "RateCode", "TermType",     "PriceDescription",
	"EffectiveDate", "StartingRange", "EndingRange", "Unit", "PricePerUnit",
	"Currency", "Product Family", "usageType", "costplanSource", "costplanValidDate", NULL,
};

/*
 * The lookup index of one loaded offer: two string-keyed hashes (open
 * addressing, power-of-two size) to lists of entry indexes. by_usage holds
 * each entry under its usage type and, when it has a billing prefix, under
 * the type without it; so the entries a usage suffix can match are exactly
 * those listed under the suffix. by_family serves queries without a usage
 * type. Keys point into the entries' own strings.
 */
struct index_slot {
	const char *key;
	size_t *v, n, cap;
};
struct index_hash {
	struct index_slot *slots;
	size_t size;
};
struct catalog_index {
	struct index_hash by_usage, by_family;
};

struct catalog *catalog_new(const char *dir)
{
	struct catalog *c = xcalloc(1, sizeof(*c));
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--; /* "pricing/" and "pricing" name the same snapshot */
	c->dir = xstrndup(dir, n);
	return c;
}

static void entry_release(struct price_entry *e)
{
	free(e->mem);
	free(e->tiers);
}

static void hash_free(struct index_hash *h)
{
	for (size_t i = 0; i < h->size; i++)
		free(h->slots[i].v);
	free(h->slots);
}

static void index_free(struct catalog_index *x)
{
	if (!x)
		return;
	hash_free(&x->by_usage);
	hash_free(&x->by_family);
	free(x);
}

void catalog_free(struct catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		struct offer_source *s = c->srcs[i];
		for (size_t j = 0; j < s->n; j++)
			entry_release(&s->entries[j]);
		free(s->entries);
		index_free(s->index);
		free(s->region);
		free(s->offer);
		free(s->path);
		free(s->published);
		free(s->version);
		free(s);
	}
	free(c->srcs);
	free(c->dir);
	free(c);
}

bool catalog_has_region(const struct catalog *c, const char *region)
{
	struct stat st;
	char *p = xasprintf("%s/aws/%s", c->dir, region);
	bool ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return ok;
}

bool catalog_offer_exists(const struct catalog *c, const char *region, const char *offer)
{
	struct stat st;
	char *p1 = xasprintf("%s/aws/%s/%s.csv", c->dir, region, offer);
	char *p2 = xasprintf("%s/aws/%s/%s.json", c->dir, region, offer);
	bool ok = stat(p1, &st) == 0 || stat(p2, &st) == 0;
	free(p1);
	free(p2);
	return ok;
}

/* The columns on_row reads. */
enum col {
	C_TERM, C_REGION, C_CURRENCY, C_PRICE, C_BEGIN, C_END, C_SKU, C_FAMILY,
	C_USAGE, C_UNIT, C_DESCRIPTION, C_EFFECTIVE, C_SOURCE, C_VALID, NCOLS
};
static const char *const COL_NAMES[NCOLS] = {
	"TermType",	 "Region Code",	     "Currency",	"PricePerUnit",
	"StartingRange", "EndingRange",	     "SKU",		"Product Family",
	"usageType",	 "Unit",	     "PriceDescription", "EffectiveDate",
	"costplanSource", "costplanValidDate",
};

struct load_ctx {
	struct offer_source *src;
	const char *path;
	const char *region;
	const char *offer;
	const char *source_default;
	/* SKU -> entry index + 1 (0 = empty), open addressing; only while loading.
	 * A linear search per row made a file of many SKUs quadratic: 200000
	 * rows took minutes. */
	size_t *slots;
	size_t nslots;
	size_t bytes; /* memory kept for this offer, against CATALOG_MAX_BYTES */
	/* Per header (cols_for): the index of each column on_row reads, and
	 * which columns are fixed ones, found once instead of by name in every
	 * row (a name search per field was most of loading an offer) */
	const struct offer_header *hdr;
	char *const *hdr_names;
	size_t hdr_n;
	int cols[NCOLS];
	unsigned char fixed[OFFER_MAX_COLUMNS]; /* the readers refuse more columns */
};

/* Limits on what one offer file may make the catalog keep. */
#define CATALOG_MAX_ENTRIES 1000000
#define CATALOG_MAX_BYTES ((size_t)512 * 1024 * 1024)

static int is_fixed(const char *name)
{
	for (int i = 0; FIXED_COLS[i]; i++)
		if (strcmp(FIXED_COLS[i], name) == 0)
			return 1;
	return 0;
}

/* Starts with YYYY-MM-DD. */
static int is_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return 1;
}

static int on_meta(const struct offer_meta *m, const struct offer_header *hdr, void *vctx)
{
	struct load_ctx *ctx = vctx;
	static const char *const need[] = {"TermType", "PricePerUnit", "Unit", "usageType",
					   "StartingRange", "EndingRange", "SKU", NULL};
	for (int i = 0; need[i]; i++)
		if (offer_header_find(hdr, need[i]) < 0)
			return cp_error(CP_EXIT_DATA, "%s:6: the header has no \"%s\" column",
					ctx->path, need[i]);
	char buf[80];
	if (m->offer_code && m->offer_code[0] && strcmp(m->offer_code, ctx->offer) != 0)
		return cp_error(CP_EXIT_DATA,
				"%s: this file is the %s offer, not %s; rename it or fetch %s",
				ctx->path, cp_sanitize(m->offer_code, buf, sizeof(buf)), ctx->offer,
				ctx->offer);
	const char *pd = m->publication_date ? m->publication_date : "";
	/* Reports print this date as is: it must be one (or absent). */
	if (pd[0] && !is_date(pd))
		return cp_error(CP_EXIT_DATA,
				"%s: the publication date '%s' is not a date (YYYY-MM-DD...)",
				ctx->path, cp_sanitize(pd, buf, sizeof(buf)));
	ctx->src->published = xstrndup(pd, strlen(pd) >= 10 ? 10 : strlen(pd));
	ctx->src->version = xstrdup(m->version ? m->version : "");
	return 0;
}

static int row_error(struct load_ctx *ctx, int line, const char *what, const char *val)
{
	char buf[128];
	struct cp_loc loc = {ctx->path, line, 0};
	return cp_error_at(CP_EXIT_DATA, &loc, "%s '%s'", what, cp_sanitize(val, buf, sizeof(buf)));
}

static size_t sku_hash(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot where sku is, or the empty one where it would go. */
static size_t *sku_slot(struct load_ctx *ctx, const char *sku)
{
	size_t i = sku_hash(sku) & (ctx->nslots - 1);
	while (ctx->slots[i] && strcmp(ctx->src->entries[ctx->slots[i] - 1].sku, sku) != 0)
		i = (i + 1) & (ctx->nslots - 1);
	return &ctx->slots[i];
}

static struct price_entry *find_sku(struct load_ctx *ctx, const char *sku)
{
	if (!ctx->nslots)
		return NULL;
	size_t *slot = sku_slot(ctx, sku);
	return *slot ? &ctx->src->entries[*slot - 1] : NULL;
}

/* Index the entry just appended (s->n - 1), growing the table at half full. */
static void index_sku(struct load_ctx *ctx)
{
	struct offer_source *s = ctx->src;
	if (2 * s->n >= ctx->nslots) {
		free(ctx->slots);
		ctx->nslots = ctx->nslots ? ctx->nslots * 2 : 256;
		ctx->slots = xcalloc(ctx->nslots, sizeof(*ctx->slots));
		for (size_t i = 0; i + 1 < s->n; i++)
			*sku_slot(ctx, s->entries[i].sku) = i + 1;
	}
	*sku_slot(ctx, s->entries[s->n - 1].sku) = s->n;
}

/* Find the columns of row's header, when it is not the one found last. */
static void cols_for(struct load_ctx *ctx, const struct offer_row *row)
{
	const struct offer_header *h = row->hdr;
	if (ctx->hdr == h && ctx->hdr_names == h->names && ctx->hdr_n == h->n)
		return;
	ctx->hdr = h;
	ctx->hdr_names = h->names;
	ctx->hdr_n = h->n;
	for (int c = 0; c < NCOLS; c++)
		ctx->cols[c] = offer_header_find(h, COL_NAMES[c]);
	for (size_t i = 0; i < h->n && i < OFFER_MAX_COLUMNS; i++)
		ctx->fixed[i] = (unsigned char)is_fixed(h->names[i]);
}

/* offer_row_get(row, COL_NAMES[c]) */
static const char *col(const struct load_ctx *ctx, const struct offer_row *row, enum col c)
{
	return ctx->cols[c] < 0 ? NULL : row->fields[ctx->cols[c]];
}

static int on_row(const struct offer_row *row, void *vctx)
{
	struct load_ctx *ctx = vctx;
	struct offer_source *s = ctx->src;
	cols_for(ctx, row);
	const char *term = col(ctx, row, C_TERM);
	const char *rc = col(ctx, row, C_REGION);
	const char *cur = col(ctx, row, C_CURRENCY);
	struct price_tier t;

	if (strcmp(term, "OnDemand") != 0)
		return 0;
	if (rc && rc[0] && strcmp(rc, ctx->region) != 0)
		return 0;
	if (cur && cur[0] && strcmp(cur, "USD") != 0)
		return row_error(ctx, row->line, "currency is not USD:", cur);
	memset(&t, 0, sizeof(t));
	if (dec_parse(col(ctx, row, C_PRICE), &t.price) != 0 ||
	    dec_cmp(t.price, dec_zero()) < 0)
		return row_error(ctx, row->line, "PricePerUnit is not a price:",
				 col(ctx, row, C_PRICE));
	const char *b = col(ctx, row, C_BEGIN), *e = col(ctx, row, C_END);
	if (!b[0])
		b = "0";
	if (dec_parse(b, &t.begin) != 0 || dec_cmp(t.begin, dec_zero()) < 0)
		return row_error(ctx, row->line, "StartingRange is not a number:", b);
	if (!e[0] || strcmp(e, "Inf") == 0)
		t.end_inf = true;
	else if (dec_parse(e, &t.end) != 0 || dec_cmp(t.end, t.begin) < 0)
		return row_error(ctx, row->line, "EndingRange is not a number above StartingRange:",
				 e);

	const char *sku = col(ctx, row, C_SKU);
	struct price_entry *pe = find_sku(ctx, sku);
	for (size_t i = 0; i < row->n; i++)
		ctx->bytes += strlen(row->fields[i]) + 1;
	ctx->bytes += sizeof(struct price_tier);
	if (ctx->bytes > CATALOG_MAX_BYTES)
		return row_error(ctx, row->line, "the offer holds more than 512 MiB of prices, at SKU",
				 sku);
	if (!pe) {
		if (s->n >= CATALOG_MAX_ENTRIES)
			return row_error(ctx, row->line, "more than 1000000 priced SKUs, at SKU", sku);
		/* the row's own date when it has one, else the file's */
		const char *vd = col(ctx, row, C_VALID);
		if (vd && vd[0] && !(strlen(vd) == 10 && is_date(vd)))
			return row_error(ctx, row->line, "costplanValidDate is not a date (YYYY-MM-DD):",
					 vd);
		ctx->bytes += sizeof(*pe);
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 32;
			s->entries = xrealloc(s->entries, s->cap * sizeof(*s->entries));
		}
		pe = &s->entries[s->n++];
		memset(pe, 0, sizeof(*pe));
		pe->src = s;
		pe->line = row->line;
		const char *fam = col(ctx, row, C_FAMILY), *desc = col(ctx, row, C_DESCRIPTION);
		const char *ed = col(ctx, row, C_EFFECTIVE), *src = col(ctx, row, C_SOURCE);
		const char *str[8] = {sku,
				      fam ? fam : "",
				      col(ctx, row, C_USAGE),
				      col(ctx, row, C_UNIT),
				      desc ? desc : "",
				      ed ? ed : "",
				      src && src[0] ? src : ctx->source_default,
				      vd && vd[0] ? vd : s->published ? s->published : ""};
		/* One allocation per entry (pe->mem) for its strings and attribute
		 * arrays: an offer has thousands of entries of ~20 strings each,
		 * and malloc and free of each were a third of a breakdown. */
		size_t nattr = 0, size = 0, len[8];
		for (int k = 0; k < 8; k++)
			size += (len[k] = strlen(str[k])) + 1;
		for (size_t i = 0; i < row->n; i++)
			if (!ctx->fixed[i] && row->fields[i][0]) {
				nattr++;
				size += strlen(row->hdr->names[i]) + strlen(row->fields[i]) + 2;
			}
		char **arrays = xmalloc(2 * nattr * sizeof(char *) + size);
		char *at = (char *)(arrays + 2 * nattr);
		char **dst[8] = {&pe->sku,	   &pe->family,		&pe->usage_type, &pe->unit,
				 &pe->description, &pe->effective_date, &pe->source,	 &pe->published};
		pe->mem = arrays;
		for (int k = 0; k < 8; k++) {
			*dst[k] = memcpy(at, str[k], len[k] + 1);
			at += len[k] + 1;
		}
		if (nattr) {
			pe->attr_names = arrays;
			pe->attr_values = arrays + nattr;
		}
		for (size_t i = 0; i < row->n; i++) {
			if (ctx->fixed[i] || !row->fields[i][0])
				continue;
			size_t ln = strlen(row->hdr->names[i]) + 1, lv = strlen(row->fields[i]) + 1;
			pe->attr_names[pe->nattr] = memcpy(at, row->hdr->names[i], ln);
			pe->attr_values[pe->nattr] = memcpy(at + ln, row->fields[i], lv);
			at += ln + lv;
			pe->nattr++;
		}
		index_sku(ctx);
	}
	if (pe->ntiers >= 64)
		return row_error(ctx, row->line, "too many price tiers for SKU", sku);
	/* insert sorted by begin */
	pe->tiers = xrealloc(pe->tiers, (pe->ntiers + 1) * sizeof(*pe->tiers));
	size_t at = pe->ntiers;
	while (at > 0 && dec_cmp(pe->tiers[at - 1].begin, t.begin) > 0) {
		pe->tiers[at] = pe->tiers[at - 1];
		at--;
	}
	pe->tiers[at] = t;
	pe->ntiers++;
	return 0;
}

static int load_source(struct catalog *c, struct offer_source *s)
{
	struct stat st;
	char *csv = xasprintf("%s/aws/%s/%s.csv", c->dir, s->region, s->offer);
	char *json = xasprintf("%s/aws/%s/%s.json", c->dir, s->region, s->offer);
	struct load_ctx ctx = {.src = s, .region = s->region, .offer = s->offer};
	int rc;

	if (stat(csv, &st) == 0) {
		s->path = csv;
		free(json);
	} else if (stat(json, &st) == 0) {
		s->path = json;
		free(csv);
	} else {
		free(csv);
		free(json);
		return CP_EXIT_DATA; /* reported by the caller, who knows what was wanted */
	}
	ctx.path = s->path;
	char *deflt = NULL;
	if (strstr(s->path, ".json")) {
		deflt = xasprintf("AWS Price List Bulk API, %s", s->offer);
		ctx.source_default = deflt;
		rc = offer_json_read(s->path, on_meta, on_row, &ctx);
	} else {
		FILE *fp = fopen(s->path, "r");
		if (!fp) {
			rc = cp_error(CP_EXIT_IO, "%s: %s", s->path, strerror(errno));
		} else {
			deflt = xasprintf("AWS Price List Bulk API, %s", s->offer);
			ctx.source_default = deflt;
			rc = offer_csv_read(fp, s->path, on_meta, on_row, &ctx);
			fclose(fp);
		}
	}
	free(deflt);
	free(ctx.slots);
	/* Check that tiers of each SKU do not overlap or leave gaps. */
	for (size_t i = 0; rc == 0 && i < s->n; i++) {
		struct price_entry *e = &s->entries[i];
		for (size_t k = 1; k < e->ntiers; k++) {
			if (e->tiers[k - 1].end_inf || dec_cmp(e->tiers[k - 1].end, e->tiers[k].begin) != 0) {
				struct cp_loc loc = {s->path, e->line, 0};
				char buf[80];
				rc = cp_error_at(CP_EXIT_DATA, &loc,
						 "price tiers of SKU %s overlap or leave a gap",
						 cp_sanitize(e->sku, buf, sizeof(buf)));
				break;
			}
		}
	}
	return rc;
}

int catalog_offer(struct catalog *c, const char *region, const char *offer,
		  struct offer_source **out)
{
	for (size_t i = 0; i < c->n; i++) {
		struct offer_source *s = c->srcs[i];
		if (strcmp(s->region, region) == 0 && strcmp(s->offer, offer) == 0) {
			*out = s;
			return s->status;
		}
	}
	struct offer_source *s = xcalloc(1, sizeof(*s));
	s->region = xstrdup(region);
	s->offer = xstrdup(offer);
	c->srcs = xrealloc(c->srcs, (c->n + 1) * sizeof(*c->srcs));
	c->srcs[c->n++] = s;
	s->status = load_source(c, s);
	*out = s;
	if (s->status && !s->path) {
		if (!aws_region_find(region))
			cp_error(CP_EXIT_DATA,
				 "unknown region '%s': use an AWS region code such as us-east-1 or "
				 "eu-west-1 (`costplan pricing list` shows the shipped ones)",
				 region);
		else {
			/* the price file is missing: an I/O failure, like any missing input */
			char *fetch = paths_fetch_command(c->dir, region, offer);
			cp_error(CP_EXIT_IO, "no %s prices for %s in %s/aws/%s: run `%s`", offer,
				 region, c->dir, region, fetch);
			free(fetch);
			s->status = CP_EXIT_IO;
		}
	}
	return s->status;
}

/* Is ut[0, n) a billing prefix: [A-Z0-9]+, or a region code (AWS KMS)? */
static bool is_prefix(const char *ut, size_t n)
{
	char buf[40];
	bool code = n > 0;
	for (size_t i = 0; i < n && code; i++)
		code = (ut[i] >= 'A' && ut[i] <= 'Z') || (ut[i] >= '0' && ut[i] <= '9');
	if (code)
		return true;
	if (n == 0 || n >= sizeof(buf))
		return false;
	memcpy(buf, ut, n);
	buf[n] = '\0';
	return aws_region_code_shaped(buf) != 0;
}

bool usage_type_matches(const char *ut, const char *suffix)
{
	size_t n = strlen(ut), m = strlen(suffix);
	if (n < m || strcmp(ut + n - m, suffix) != 0)
		return false;
	if (n == m)
		return true;
	/* what precedes the suffix must be exactly "PREFIX-" */
	if (ut[n - m - 1] != '-')
		return false;
	return is_prefix(ut, n - m - 1);
}

const char *usage_type_strip(const char *ut)
{
	/* "EU-x": the first segment; "us-east-1-x": the first three */
	const char *d = strchr(ut, '-');
	if (d && d[1] && is_prefix(ut, (size_t)(d - ut)))
		return d + 1;
	for (int k = 0; d && k < 2; k++)
		d = strchr(d + 1, '-');
	if (d && d[1] && is_prefix(ut, (size_t)(d - ut)))
		return d + 1;
	return ut;
}

bool catalog_sku_is_placeholder(const char *sku)
{
	return sku && strncmp(sku, CATALOG_PLACEHOLDER_SKU_PREFIX,
			      strlen(CATALOG_PLACEHOLDER_SKU_PREFIX)) == 0;
}

const char *price_entry_attr(const struct price_entry *e, const char *name)
{
	for (size_t i = 0; i < e->nattr; i++)
		if (strcmp(e->attr_names[i], name) == 0)
			return e->attr_values[i];
	return NULL;
}

static bool entry_matches(const struct price_entry *e, const struct price_query *q)
{
	if (q->family && strcmp(e->family, q->family) != 0)
		return false;
	if (q->usage && !usage_type_matches(e->usage_type, q->usage))
		return false;
	if (q->exclude && strstr(e->usage_type, q->exclude))
		return false;
	for (int i = 0; i < PRICE_QUERY_MAX_ATTRS && q->attrs[i][0]; i++) {
		const char *v = price_entry_attr(e, q->attrs[i][0]);
		if (!v || strcmp(v, q->attrs[i][1]) != 0)
			return false;
	}
	return true;
}

static void describe(const struct price_query *q, char *buf, size_t size)
{
	size_t o = (size_t)snprintf(buf, size, "usage type %s", q->usage ? q->usage : "(any)");
	if (q->family && o < size)
		o += (size_t)snprintf(buf + o, size - o, ", family \"%s\"", q->family);
	for (int i = 0; i < PRICE_QUERY_MAX_ATTRS && q->attrs[i][0] && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, ", %s \"%s\"", q->attrs[i][0],
				      q->attrs[i][1]);
}

/* ---- the lookup index ------------------------------------------------- */

static struct index_slot *hash_slot(struct index_hash *h, const char *key)
{
	size_t i = sku_hash(key) & (h->size - 1);
	while (h->slots[i].key && strcmp(h->slots[i].key, key) != 0)
		i = (i + 1) & (h->size - 1);
	return &h->slots[i];
}

static void hash_add(struct index_hash *h, const char *key, size_t entry)
{
	struct index_slot *sl = hash_slot(h, key);
	sl->key = key;
	if (sl->n && sl->v[sl->n - 1] == entry)
		return; /* the same entry under the same key twice */
	if (sl->n == sl->cap) {
		sl->cap = sl->cap ? sl->cap * 2 : 2;
		sl->v = xrealloc(sl->v, sl->cap * sizeof(*sl->v));
	}
	sl->v[sl->n++] = entry;
}

static void hash_init(struct index_hash *h, size_t keys)
{
	h->size = 16;
	while (h->size < 2 * keys + 2) /* at most half full */
		h->size *= 2;
	h->slots = xcalloc(h->size, sizeof(*h->slots));
}

static const struct index_slot *hash_get(const struct index_hash *h, const char *key)
{
	const struct index_slot *sl = hash_slot((struct index_hash *)h, key);
	return sl->key ? sl : NULL;
}

/* Every entry under its usage type, its stripped usage type, its family. */
static struct catalog_index *index_build(const struct offer_source *s)
{
	struct catalog_index *x = xcalloc(1, sizeof(*x));
	hash_init(&x->by_usage, 2 * s->n);
	hash_init(&x->by_family, s->n);
	for (size_t i = 0; i < s->n; i++) {
		const struct price_entry *e = &s->entries[i];
		hash_add(&x->by_usage, e->usage_type, i);
		const char *st = usage_type_strip(e->usage_type);
		if (st != e->usage_type)
			hash_add(&x->by_usage, st, i);
		hash_add(&x->by_family, e->family, i);
	}
	return x;
}

/* COSTPLAN_CATALOG_SCAN=1: test every entry, as before the index. */
static bool scan_mode(void)
{
	static int mode = -1;
	if (mode < 0) {
		const char *v = getenv("COSTPLAN_CATALOG_SCAN");
		mode = v && strcmp(v, "1") == 0;
	}
	return mode == 1;
}

/*
 * The entries a query can match, as indexes into s->entries: *all is set
 * when every entry is a candidate (no usage type or family to narrow by,
 * or scan mode).
 */
static const size_t *candidates(struct offer_source *s, const struct price_query *q,
				size_t *n, bool *all)
{
	const struct index_slot *sl = NULL;
	*all = false;
	if (scan_mode() || (!q->usage && !q->family)) {
		*all = true;
		*n = s->n;
		return NULL;
	}
	if (!s->index)
		s->index = index_build(s);
	sl = q->usage ? hash_get(&s->index->by_usage, q->usage)
		      : hash_get(&s->index->by_family, q->family);
	*n = sl ? sl->n : 0;
	return sl ? sl->v : NULL;
}

static int find(struct catalog *c, const char *region, const struct price_query *q,
		const struct price_entry **out, bool quiet)
{
	struct offer_source *s;
	const struct price_entry *hit = NULL;
	char what[512];
	int rc;

	if (quiet && !catalog_has_region(c, region))
		return CP_EXIT_DATA;
	rc = catalog_offer(c, region, q->offer, &s);
	if (rc)
		return rc;
	size_t nc;
	bool all;
	const size_t *cand = candidates(s, q, &nc, &all);
	for (size_t k = 0; k < nc; k++) {
		size_t i = all ? k : cand[k];
		if (!entry_matches(&s->entries[i], q))
			continue;
		if (hit) {
			if (quiet)
				return CP_EXIT_DATA;
			describe(q, what, sizeof(what));
			char b1[80], b2[80];
			return cp_error(CP_EXIT_DATA,
					"%s: two prices match %s (SKUs %s and %s): the snapshot is "
					"ambiguous",
					s->path, what, cp_sanitize(hit->sku, b1, sizeof(b1)),
					cp_sanitize(s->entries[i].sku, b2, sizeof(b2)));
		}
		hit = &s->entries[i];
	}
	if (!hit) {
		if (quiet)
			return CP_EXIT_DATA;
		describe(q, what, sizeof(what));
		char *fetch = paths_fetch_command(c->dir, region, q->offer);
		cp_error(CP_EXIT_DATA, "no price in %s for %s, %s: run `%s`", region, q->offer, what,
			 fetch);
		free(fetch);
		return CP_EXIT_DATA;
	}
	*out = hit;
	return 0;
}

int catalog_find(struct catalog *c, const char *region, const struct price_query *q,
		 const struct price_entry **out)
{
	return find(c, region, q, out, false);
}

const struct price_entry *catalog_try(struct catalog *c, const char *region,
				      const struct price_query *q)
{
	const struct price_entry *e = NULL;
	/* a missing file is not an error here, but a broken one still is */
	struct offer_source *s;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->srcs[i]->region, region) == 0 && strcmp(c->srcs[i]->offer, q->offer) == 0)
			goto known;
	{
		char *p1 = xasprintf("%s/aws/%s/%s.csv", c->dir, region, q->offer);
		char *p2 = xasprintf("%s/aws/%s/%s.json", c->dir, region, q->offer);
		struct stat st;
		int exists = stat(p1, &st) == 0 || stat(p2, &st) == 0;
		free(p1);
		free(p2);
		if (!exists)
			return NULL;
	}
known:
	(void)s;
	if (find(c, region, q, &e, true) != 0)
		return NULL;
	return e;
}

dec price_entry_unit_price(const struct price_entry *e)
{
	return e->ntiers ? e->tiers[0].price : dec_zero();
}

int price_entry_cost(const struct price_entry *e, dec qty, dec *cost)
{
	/* PRICE_COST_MAX: every sum of line costs stays far inside dec's range */
	const dec cap = dec_from_int(PRICE_COST_MAX);
	dec total = dec_zero();
	bool neg = dec_cmp(qty, dec_zero()) < 0;
	if (neg)
		qty = dec_neg(qty);
	for (size_t i = 0; i < e->ntiers; i++) {
		const struct price_tier *t = &e->tiers[i];
		if (dec_cmp(qty, t->begin) <= 0)
			break;
		dec upto = t->end_inf ? qty : dec_min(qty, t->end);
		dec part, c;
		part = dec_sub(upto, t->begin);
		if (dec_mul(part, t->price, &c) != 0 || dec_cmp(c, cap) >= 0)
			return -1;
		total = dec_add(total, c); /* < 64 * 10^15: cannot overflow */
	}
	if (dec_cmp(total, cap) >= 0)
		return -1;
	*cost = neg ? dec_neg(total) : total;
	return 0;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

void catalog_regions_add(const char *dir, char ***out, size_t *n)
{
	char *p = xasprintf("%s/aws", dir);
	DIR *d = opendir(p);
	struct dirent *e;
	free(p);
	if (!d)
		return;
	while ((e = readdir(d))) {
		/* only region-shaped names: a folder name reaches every output */
		if (e->d_name[0] == '.' || !aws_region_code_shaped(e->d_name))
			continue;
		bool seen = false;
		for (size_t i = 0; i < *n && !seen; i++)
			seen = strcmp((*out)[i], e->d_name) == 0;
		if (seen)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(char *));
		(*out)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
}

void catalog_regions_sort(char **regions, size_t n)
{
	if (n > 1)
		qsort(regions, n, sizeof(char *), cmp_str);
}

char **catalog_regions(const char *dir, size_t *n)
{
	char **out = NULL;
	*n = 0;
	catalog_regions_add(dir, &out, n);
	catalog_regions_sort(out, *n);
	return out;
}

/* Units AWS writes as names of things counted: the display form. */
static const char *const UNIT_WORDS[][2] = {
	{"Requests", "requests"},     {"API Requests", "API requests"},
	{"Notifications", "notifications"}, {"Queries", "queries"},
	{"Metrics", "metrics"},       {"Alarms", "alarms"},
	{"Secrets", "secrets"},       {"Dashboards", "dashboards"},
	{"Keys", "keys"},             {"Objects", "objects"},
	{"Messages", "messages"},     {"IOs", "I/O requests"},
	{"HostedZone", "hosted zones"}, {"URL", "URLs"},
	{"Quantity", "units"},        {"Rule", "rules"},
};

const char *price_unit_display(const char *raw, char *buf, size_t size)
{
	size_t o = 0;
	if (!raw || !raw[0] || size == 0) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	for (size_t i = 0; i < sizeof(UNIT_WORDS) / sizeof(UNIT_WORDS[0]); i++)
		if (strcmp(raw, UNIT_WORDS[i][0]) == 0) {
			snprintf(buf, size, "%s", UNIT_WORDS[i][1]);
			return buf;
		}
	/* time parts spelled out, lower case, as costplan's own lines do:
	 * Hrs, Hr, Hours -> hours; Mo, mo, Months -> months; Second(s) -> seconds */
	const char *p = raw;
	while (*p && o + 1 < size) {
		size_t n = strcspn(p, "-");
		char tok[64];
		snprintf(tok, sizeof(tok), "%.*s", (int)(n < sizeof(tok) ? n : sizeof(tok) - 1), p);
		const char *w = tok;
		if (!strcmp(tok, "Hrs") || !strcmp(tok, "Hr") || !strcmp(tok, "Hours") ||
		    !strcmp(tok, "Hour"))
			w = "hours";
		else if (!strcmp(tok, "Mo") || !strcmp(tok, "mo") || !strcmp(tok, "Months") ||
			 !strcmp(tok, "Month"))
			w = "months";
		else if (!strcmp(tok, "Second") || !strcmp(tok, "Seconds"))
			w = "seconds";
		else if (!strcmp(tok, "Minutes") || !strcmp(tok, "Minute"))
			w = "minutes";
		else if (p != raw) {
			/* a counted thing after a dash: Rule-Mo reads "rule-months" */
			for (size_t i = 0; i < sizeof(UNIT_WORDS) / sizeof(UNIT_WORDS[0]); i++)
				if (!strcmp(tok, UNIT_WORDS[i][0]))
					w = UNIT_WORDS[i][1];
		}
		if (p == raw && !strcmp(tok, "Rule"))
			w = "rule";
		int k = snprintf(buf + o, size - o, "%s%s", p == raw ? "" : "-", w);
		if (k < 0)
			break;
		o += (size_t)k;
		if (o >= size) {
			o = size - 1;
			break;
		}
		p += n;
		if (*p == '-')
			p++;
		else
			break;
	}
	buf[o] = '\0';
	return buf;
}
