/*
 * offer_json.c - AWS Price List JSON offer files, as rows.
 *
 * Shape (AWS Billing user guide, "Reading the service price list file
 * for an AWS service"): products.<SKU>{sku, productFamily, attributes{...}}
 * and terms.OnDemand.<SKU>.<SKU.TERM>{effectiveDate, priceDimensions.<..>{
 * rateCode, description, beginRange, endRange, unit, pricePerUnit.USD}}.
 * Each OnDemand price dimension becomes one row with the bulk CSV column
 * names, so the catalog never sees the difference. Attribute keys are mapped
 * to their CSV spellings (usagetype -> usageType, instanceType -> "Instance
 * Type"); keys we have no mapping for are turned from camelCase into
 * "Title Case", which is how AWS names the CSV columns.
 *
 * jansson loads the whole document: fine for the small offers; the huge
 * AmazonEC2 file should be fetched as CSV, which streams.
 */
#include "pricing/offer.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/error.h"

static const char *const FIXED[] = {"SKU",          "OfferTermCode", "RateCode",
				    "TermType",     "PriceDescription", "EffectiveDate",
				    "StartingRange", "EndingRange",   "Unit",
				    "PricePerUnit", "Currency",      "Product Family"};
#define NFIXED (sizeof(FIXED) / sizeof(FIXED[0]))

static const char *const KEYMAP[][2] = {
	{"usagetype", "usageType"},         {"servicecode", "serviceCode"},
	{"servicename", "serviceName"},     {"location", "Location"},
	{"locationType", "Location Type"},  {"instanceType", "Instance Type"},
	{"databaseEngine", "Database Engine"}, {"deploymentOption", "Deployment Option"},
	{"cacheEngine", "Cache Engine"},    {"volumeType", "Volume Type"},
	{"alarmType", "Alarm Type"},        {"transferType", "Transfer Type"},
	{"fromLocation", "From Location"},  {"toLocation", "To Location"},
	{"group", "Group"},                 {"groupDescription", "Group Description"},
	{"operation", "operation"},         {"regionCode", "Region Code"},
	{"fromRegionCode", "From Region Code"}, {"toRegionCode", "To Region Code"},
};

/* Returns a new string: the CSV column name for a JSON attribute key. */
char *offer_json_csv_name(const char *key)
{
	for (size_t i = 0; i < sizeof(KEYMAP) / sizeof(KEYMAP[0]); i++)
		if (strcmp(KEYMAP[i][0], key) == 0)
			return xstrdup(KEYMAP[i][1]);
	size_t n = strlen(key);
	char *out = xmalloc(2 * n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (i == 0)
			c = (char)toupper((unsigned char)c);
		else if (isupper((unsigned char)c))
			*o++ = ' ';
		*o++ = c;
	}
	*o = '\0';
	return out;
}

struct cols {
	struct offer_header hdr;
	char **keys; /* JSON key for each attribute column (NULL for fixed) */
};

static int cols_add(struct cols *c, const char *key)
{
	char *name = offer_json_csv_name(key);
	for (size_t i = NFIXED; i < c->hdr.n; i++)
		if (strcmp(c->hdr.names[i], name) == 0) {
			free(name);
			return 0;
		}
	if (c->hdr.n >= OFFER_MAX_COLUMNS) {
		free(name);
		return -1;
	}
	c->hdr.names = xrealloc(c->hdr.names, (c->hdr.n + 1) * sizeof(char *));
	c->keys = xrealloc(c->keys, (c->hdr.n + 1) * sizeof(char *));
	c->hdr.names[c->hdr.n] = name;
	c->keys[c->hdr.n] = xstrdup(key);
	c->hdr.n++;
	return 0;
}

static const char *str_or_empty(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

int offer_json_term_rows(const char *sku, json_t *product, json_t *terms,
			 const struct offer_header *hdr, char *const *keys, offer_row_cb row_cb,
			 void *ctx, const char **why)
{
	json_t *attrs = json_object_get(product, "attributes");
	const char **fields = xcalloc(hdr->n ? hdr->n : 1, sizeof(char *));
	const char *tcode, *dcode;
	json_t *term, *dim;
	int rc = 0;
	json_object_foreach(terms, tcode, term) {
		json_t *dims = json_object_get(term, "priceDimensions");
		if (!json_is_object(dims)) {
			*why = "a term without priceDimensions";
			rc = -1;
			goto done;
		}
		json_object_foreach(dims, dcode, dim) {
			const char *price = json_string_value(
				json_object_get(json_object_get(dim, "pricePerUnit"), "USD"));
			if (!price) {
				*why = "a price dimension without pricePerUnit.USD";
				rc = -1;
				goto done;
			}
			fields[0] = sku;
			fields[1] = str_or_empty(term, "offerTermCode");
			fields[2] = str_or_empty(dim, "rateCode");
			fields[3] = "OnDemand";
			fields[4] = str_or_empty(dim, "description");
			fields[5] = str_or_empty(term, "effectiveDate");
			fields[6] = str_or_empty(dim, "beginRange");
			fields[7] = str_or_empty(dim, "endRange");
			fields[8] = str_or_empty(dim, "unit");
			fields[9] = price;
			fields[10] = "USD";
			fields[11] = str_or_empty(product, "productFamily");
			for (size_t i = NFIXED; i < hdr->n; i++)
				fields[i] = str_or_empty(attrs, keys[i]);
			struct offer_row row = {hdr, (char **)fields, hdr->n, 0};
			if (row_cb && (rc = row_cb(&row, ctx)) != 0)
				goto done;
		}
	}
done:
	free(fields);
	return rc;
}

static int bad(const char *path, const char *what, const char *sku)
{
	char buf[80];
	return cp_error(CP_EXIT_DATA, "%s: not an AWS Price List offer file: %s%s%s", path, what,
			sku ? " for SKU " : "", sku ? cp_sanitize(sku, buf, sizeof(buf)) : "");
}

int offer_json_read(const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb, void *ctx)
{
	json_error_t err;
	struct stat st;
	struct cols c;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	if (stat(path, &st) == 0 && st.st_size > OFFER_JSON_MAX_BYTES)
		return cp_error(CP_EXIT_DATA,
				"%s: a JSON offer larger than %ld MiB; fetch this offer as CSV,"
				" which costplan reads as a stream",
				path, OFFER_JSON_MAX_BYTES / (1024 * 1024));
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		if (json_error_code(&err) == json_error_cannot_open_file)
			return cp_error(CP_EXIT_IO, "%s: %s", path, err.text);
		/* jansson quotes the offending input ("invalid token near '...'") */
		struct cp_loc loc = {path, err.line, err.column};
		char buf[200];
		return cp_error_at(CP_EXIT_DATA, &loc, "%s", cp_sanitize(err.text, buf, sizeof(buf)));
	}
	json_t *products = json_object_get(root, "products");
	json_t *ondemand = json_object_get(json_object_get(root, "terms"), "OnDemand");
	if (!json_is_object(root) || !json_is_object(products)) {
		rc = bad(path, "no \"products\" object", NULL);
		goto out;
	}
	if (ondemand && !json_is_object(ondemand)) {
		rc = bad(path, "\"terms.OnDemand\" is not an object", NULL);
		goto out;
	}

	/* header: fixed columns, then every attribute key seen */
	for (size_t i = 0; i < NFIXED; i++) {
		c.hdr.names = xrealloc(c.hdr.names, (c.hdr.n + 1) * sizeof(char *));
		c.keys = xrealloc(c.keys, (c.hdr.n + 1) * sizeof(char *));
		c.hdr.names[c.hdr.n] = xstrdup(FIXED[i]);
		c.keys[c.hdr.n] = NULL;
		c.hdr.n++;
	}
	const char *sku;
	json_t *prod;
	json_object_foreach(products, sku, prod) {
		json_t *attrs = json_object_get(prod, "attributes");
		const char *k;
		json_t *v;
		if (!json_is_object(prod) || (attrs && !json_is_object(attrs))) {
			rc = bad(path, "malformed product", sku);
			goto out;
		}
		json_object_foreach(attrs, k, v) {
			if (cols_add(&c, k) != 0) {
				rc = bad(path, "too many attribute columns", sku);
				goto out;
			}
		}
	}

	struct offer_meta meta = {
		str_or_empty(root, "formatVersion"), str_or_empty(root, "disclaimer"),
		str_or_empty(root, "publicationDate"), str_or_empty(root, "version"),
		str_or_empty(root, "offerCode"),
	};
	if (meta_cb && (rc = meta_cb(&meta, &c.hdr, ctx)) != 0)
		goto out;

	const char *tsku, *why = NULL;
	json_t *terms;
	json_object_foreach(ondemand, tsku, terms) {
		json_t *p = json_object_get(products, tsku);
		if (!p) {
			rc = bad(path, "an OnDemand term names an unknown product", tsku);
			break;
		}
		if (!json_is_object(terms)) {
			rc = bad(path, "malformed OnDemand term", tsku);
			break;
		}
		rc = offer_json_term_rows(tsku, p, terms, &c.hdr, c.keys, row_cb, ctx, &why);
		if (rc < 0)
			rc = bad(path, why, tsku);
		if (rc)
			break;
	}
out:
	for (size_t i = 0; i < c.hdr.n; i++) {
		free(c.hdr.names[i]);
		free(c.keys[i]);
	}
	free(c.hdr.names);
	free(c.keys);
	json_decref(root);
	return rc;
}
