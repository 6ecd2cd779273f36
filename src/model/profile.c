/*
 * profile.c - read and validate the scenario's "traffic" section, and the
 * schedules of scheduled scaling actions.
 *
 * One table (SVC_FIELDS) lists every service key with its default, range
 * and meaning; validation, defaults and the README come from it. Keys in a
 * group ("noise.day_sigma") are written as nested objects. Like the rest of
 * the scenario loader, every problem is reported with its position and the
 * nearest valid key, before giving up.
 */
#include "model/profile.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/scenario.h"
#include "util/error.h"
#include "util/strings.h"

struct field {
	const char *name;
	bool is_bool;
	size_t off;
	double def, min, max;
	const char *doc;
};

#define NUM(n, m, d, lo, hi, doc) {n, false, offsetof(struct svc_traffic, m), d, lo, hi, doc}

/* Defaults: an early-stage product (a few tens of thousands of requests a day). */
static const struct field SVC_FIELDS[] = {
	NUM("requests_per_second", rps, 0.5, 0, 1e5, "weekday mean requests per second, month 0"),
	NUM("diurnal_amplitude", diurnal_amplitude, 0.6, 0, 1,
	    "daily swing: peak = mean x (1 + a), trough = mean x (1 - a)"),
	NUM("peak_hour_utc", peak_hour, 15, 0, 24, "hour of the daily peak (UTC)"),
	NUM("weekend_factor", weekend_factor, 0.6, 0, 10, "weekend rate / weekday rate"),
	NUM("monthly_growth", monthly_growth, 0.15, -0.9, 10, "compound growth per month (0.15 = 15%)"),
	{"noise.poisson", true, offsetof(struct svc_traffic, poisson), 1, 0, 1,
	 "Poisson arrivals per minute (false: exactly the rate)"},
	NUM("noise.day_sigma", day_sigma, 0.15, 0, 3, "sigma of the lognormal day factor (mean 1)"),
	NUM("spikes.per_month", spikes_per_month, 2, 0, 1000, "random spikes per month (Poisson)"),
	NUM("spikes.magnitude_median", spike_magnitude_median, 3, 1, 1000,
	    "median rate multiplier of a spike (lognormal)"),
	NUM("spikes.magnitude_sigma", spike_magnitude_sigma, 0.5, 0, 3, "sigma of the multiplier"),
	NUM("spikes.duration_minutes", spike_minutes, 30, 1, 10080,
	    "mean spike duration (exponential)"),
	NUM("cpu_seconds_per_request", cpu_seconds_per_request, 0.02, 0, 3600,
	    "vCPU-seconds per request"),
	NUM("idle_cpu_percent", idle_cpu_percent, 2, 0, 100, "CPU of an idle task, % of its vCPU"),
	NUM("bytes_in_per_request", bytes_in_per_request, 2000, 0, 1e9, "request size"),
	NUM("bytes_out_per_request", bytes_out_per_request, 20000, 0, 1e10,
	    "response size (data transfer out)"),
	NUM("log_bytes_per_request", log_bytes_per_request, 300, 0, 1e8, "CloudWatch log bytes"),
	NUM("log_bytes_per_task_minute", log_bytes_per_task_minute, 200, 0, 1e9,
	    "log bytes of each running task per minute (health checks, heartbeats)"),
	NUM("external_bytes_per_request", external_bytes_per_request, 0, 0, 1e10,
	    "bytes to and from third-party APIs (through the NAT gateway)"),
	NUM("db_queries_per_request", db_queries_per_request, 3, 0, 1e4, "database queries"),
	NUM("requests_per_connection", requests_per_connection, 10, 1, 1e6,
	    "HTTP keep-alive reuse (ALB new connections)"),
	NUM("connection_seconds", connection_seconds, 30, 0, 86400,
	    "how long a client connection stays open (ALB active connections)"),
	NUM("startup_seconds", startup_seconds, 60, 0, 3600, "image pull and start, billed"),
	NUM("health_check_seconds", health_check_seconds, 30, 0, 3600,
	    "until the ALB routes to a new task (services behind an ALB)"),
	NUM("deregistration_delay_seconds", deregistration_delay_seconds, 300, 0, 3600,
	    "ALB draining after a scale-in, billed"),
	NUM("stop_timeout_seconds", stop_timeout_seconds, 30, 0, 120, "SIGTERM to SIGKILL, billed"),
	{NULL, false, 0, 0, 0, 0, NULL},
};

#define DBF(n, m, d, lo, hi, doc) {n, false, offsetof(struct db_traffic, m), d, lo, hi, doc}
static const struct field DB_FIELDS[] = {
	DBF("cpu_ms_per_query", cpu_ms_per_query, 1, 0, 1e6, "vCPU milliseconds per query"),
	DBF("idle_cpu_percent", idle_cpu_percent, 3, 0, 100, "background CPU of the instance, %"),
	{NULL, false, 0, 0, 0, 0, NULL},
};

static const char *const TOP_KEYS[] = {"defaults", "services", "database", NULL};



bool traffic_default(const char *key, double *out)
{
	for (const struct field *f = SVC_FIELDS; f->name; f++)
		if (strcmp(f->name, key) == 0) {
			*out = f->def;
			return true;
		}
	return false;
}

const char *traffic_key_name(bool database, size_t i)
{
	const struct field *f = database ? DB_FIELDS : SVC_FIELDS;
	for (size_t k = 0; k < i && f->name; k++)
		f++;
	return f->name;
}

int traffic_key_check(bool database, const char *key, const json_t *v, char *why, size_t size)
{
	const struct field *f = database ? DB_FIELDS : SVC_FIELDS;
	for (; f->name && strcmp(f->name, key) != 0; f++)
		;
	if (!f->name)
		return -1;
	if (!v)
		return 0;
	if (f->is_bool) {
		if (json_is_boolean(v))
			return 0;
		snprintf(why, size, "%s must be true or false", f->name);
		return 1;
	}
	double d = json_is_number(v) ? json_number_value(v) : NAN;
	if (json_is_number(v) && isfinite(d) && d >= f->min && d <= f->max)
		return 0;
	snprintf(why, size, "%s must be a number from %g to %g (%s)", f->name, f->min, f->max,
		 f->doc);
	return 1;
}

static void set_defaults(const struct field *fields, void *obj)
{
	for (const struct field *f = fields; f->name; f++) {
		if (f->is_bool)
			*(bool *)((char *)obj + f->off) = f->def != 0;
		else
			*(double *)((char *)obj + f->off) = f->def;
	}
}

static const struct field *find_field(const struct field *fields, const char *name)
{
	for (const struct field *f = fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* Is head a group ("noise") of the table? */
static bool is_group(const struct field *fields, const char *head)
{
	size_t n = strlen(head);
	for (const struct field *f = fields; f->name; f++)
		if (strncmp(f->name, head, n) == 0 && f->name[n] == '.')
			return true;
	return false;
}

/* Candidate names at one level: top keys or a group's keys. */
static void candidates(const struct field *fields, const char *group, const char **out,
		       size_t max, char store[][64])
{
	size_t k = 0, gl = group ? strlen(group) : 0;
	for (const struct field *f = fields; f->name && k + 1 < max; f++) {
		const char *name;
		size_t len;
		if (group) {
			if (strncmp(f->name, group, gl) != 0 || f->name[gl] != '.')
				continue;
			name = f->name + gl + 1;
			len = strlen(name);
		} else {
			const char *dot = strchr(f->name, '.');
			name = f->name;
			len = dot ? (size_t)(dot - f->name) : strlen(f->name);
		}
		bool dup = false;
		for (size_t i = 0; i < k; i++)
			if (strlen(out[i]) == len && strncmp(out[i], name, len) == 0)
				dup = true;
		if (dup || len >= 64)
			continue;
		memcpy(store[k], name, len);
		store[k][len] = '\0';
		out[k] = store[k];
		k++;
	}
	out[k] = NULL;
}

static void unknown_key(struct json_errors *c, const char *docpath, const char *key,
			const struct field *fields, const char *group, const char *where)
{
	const char *cands[64];
	char store[64][64], sbuf[96];
	candidates(fields, group, cands, 64, store);
	const char *near = nearest_word(key, cands);
	json_error(c, docpath, "%s has no key \"%s\"%s%s%s", where, cp_sanitize(key, sbuf, sizeof(sbuf)),
	     near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
}

static void check_value(struct json_errors *c, const char *docpath, const struct field *f, json_t *val,
			void *obj)
{
	if (f->is_bool) {
		if (!json_is_boolean(val)) {
			json_error(c, docpath, "%s must be true or false", f->name);
			return;
		}
		*(bool *)((char *)obj + f->off) = json_is_true(val);
		return;
	}
	if (!json_is_number(val)) {
		json_error(c, docpath, "%s must be a number (%s)", f->name, f->doc);
		return;
	}
	double d = json_number_value(val);
	if (!isfinite(d) || d < f->min || d > f->max) {
		json_error(c, docpath, "%s is %g; it must be between %g and %g (%s)", f->name, d, f->min,
		     f->max, f->doc);
		return;
	}
	*(double *)((char *)obj + f->off) = d;
}

/* Apply one object of keys (a service, the defaults, the database). */
static void apply_object(struct json_errors *c, const char *docpath, json_t *o, const struct field *fields,
			 void *obj, const char *where)
{
	const char *key;
	json_t *val;
	char p[1024];
	if (!json_is_object(o)) {
		json_error(c, docpath, "%s must be an object of keys", where);
		return;
	}
	json_object_foreach(o, key, val) {
		snprintf(p, sizeof(p), "%s.%s", docpath, key);
		const struct field *f = find_field(fields, key);
		if (f) {
			check_value(c, p, f, val, obj);
			continue;
		}
		if (!is_group(fields, key)) {
			unknown_key(c, p, key, fields, NULL, where);
			continue;
		}
		if (!json_is_object(val)) {
			json_error(c, p, "%s must be an object", key);
			continue;
		}
		const char *k2;
		json_t *v2;
		json_object_foreach(val, k2, v2) {
			char full[256], p2[1400];
			snprintf(full, sizeof(full), "%s.%s", key, k2);
			snprintf(p2, sizeof(p2), "%s.%s", p, k2);
			const struct field *f2 = find_field(fields, full);
			if (!f2) {
				char w[300];
				snprintf(w, sizeof(w), "%s, group %s,", where, key);
				unknown_key(c, p2, k2, fields, key, w);
				continue;
			}
			check_value(c, p2, f2, v2, obj);
		}
	}
}

/* Checks that span keys of one service. */
static void check_service(struct json_errors *c, const char *docpath, const struct svc_traffic *t)
{
	/* the peak of the rate must stay representable and meaningful */
	double peak = t->rps * (1 + t->diurnal_amplitude) * t->spike_magnitude_median *
		      (t->weekend_factor > 1 ? t->weekend_factor : 1);
	if (peak > 1e6)
		json_error(c, docpath,
		     "traffic for %s peaks near %.3g requests/s (rate x diurnal x spikes); "
		     "costplan simulates up to 1e6",
		     t->name, peak);
}

static const char *const DOW[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", NULL};

static int dow_value(const char *s, size_t n)
{
	for (int i = 0; DOW[i]; i++)
		if (n == 3 && strncasecmp(s, DOW[i], 3) == 0)
			return i;
	if (n == 1 && s[0] >= '1' && s[0] <= '7')
		return s[0] - '1'; /* AWS: 1 = Sunday */
	return -1;
}

static int parse_num_field(const char *s, int lo, int hi, int *out)
{
	char *end;
	if (strcmp(s, "*") == 0) {
		*out = -1;
		return 0;
	}
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

int sched_cron_parse(const char *expr, struct sched_cron *out, const char **why)
{
	char buf[128], *f[8], *save = NULL;
	int n = 0;
	size_t len = strlen(expr);
	*why = "a schedule is cron(minute hour ? * day-of-week *), e.g. cron(0 8 ? * MON-FRI *)";
	if (strncmp(expr, "cron(", 5) != 0 || len < 7 || expr[len - 1] != ')' || len - 6 >= sizeof(buf))
		return -1;
	memcpy(buf, expr + 5, len - 6);
	buf[len - 6] = '\0';
	for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		if (n == 8)
			return -1;
		f[n++] = t;
	}
	if (n != 5 && n != 6)
		return -1;
	if (parse_num_field(f[0], 0, 59, &out->minute) || parse_num_field(f[1], 0, 23, &out->hour)) {
		*why = "minute must be 0-59 (or *) and hour 0-23 (or *)";
		return -1;
	}
	if ((strcmp(f[2], "*") && strcmp(f[2], "?")) || strcmp(f[3], "*") ||
	    (n == 6 && strcmp(f[5], "*"))) {
		*why = "costplan simulates daily and weekly schedules: day-of-month ?, month * and "
		       "year *";
		return -1;
	}
	if (strcmp(f[4], "*") == 0 || strcmp(f[4], "?") == 0) {
		out->dow_mask = 0x7f;
		return 0;
	}
	out->dow_mask = 0;
	char *save2 = NULL;
	for (char *part = strtok_r(f[4], ",", &save2); part; part = strtok_r(NULL, ",", &save2)) {
		char *dash = strchr(part, '-');
		int a = dow_value(part, dash ? (size_t)(dash - part) : strlen(part));
		int b = dash ? dow_value(dash + 1, strlen(dash + 1)) : a;
		if (a < 0 || b < 0) {
			*why = "day-of-week is SUN-SAT (or 1-7), a list or a range such as MON-FRI";
			return -1;
		}
		for (int d = a;; d = (d + 1) % 7) {
			out->dow_mask |= 1u << d;
			if (d == b)
				break;
		}
	}
	return 0;
}

static void check_scheduled(struct json_errors *c, const struct scenario *s)
{
	char p[1024], sbuf[128];
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		if (r->spec->sim_role != SIM_SCHEDULED_ACTION)
			continue;
		struct sched_cron cr;
		const char *why;
		snprintf(p, sizeof(p), "resource.%s.%s.schedule", r->type, r->name);
		if (sched_cron_parse(res_str(r, "schedule"), &cr, &why) != 0)
			json_error(c, p, "schedule \"%s\": %s",
			     cp_sanitize(res_str(r, "schedule"), sbuf, sizeof(sbuf)), why);
		snprintf(p, sizeof(p), "resource.%s.%s.timezone", r->type, r->name);
		if (strcmp(res_str(r, "timezone"), "UTC") != 0)
			json_error(c, p, "timezone must be UTC (costplan simulates in UTC)");
		long mn = res_int(r, "scalable_target_action.min_capacity");
		long mx = res_int(r, "scalable_target_action.max_capacity");
		snprintf(p, sizeof(p), "resource.%s.%s", r->type, r->name);
		if (mn >= 0 && mx >= 0 && mn > mx)
			json_error(c, p, "scalable_target_action min_capacity %ld is above max_capacity %ld",
			     mn, mx);
		if (mn < 0 && mx < 0)
			json_error(c, p, "scalable_target_action sets neither min_capacity nor max_capacity");
	}
}

/* A resource that serves traffic (an ECS service) of this name. */
static bool service_named(const struct scenario *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->res[i].spec->sim_role == SIM_SERVICE && strcmp(s->res[i].name, name) == 0)
			return true;
	return false;
}

int traffic_profile_parse(const struct scenario *s, const char *path, const struct json_pos *pos,
			  struct traffic_profile *out)
{
	struct json_errors c = {.file = path, .pos = pos};
	struct svc_traffic defaults;
	json_t *tr = s->root ? json_object_get(s->root, "traffic") : NULL;
	json_t *services = NULL;
	char p[1024], sbuf[128];
	const char *key;
	json_t *val;

	memset(out, 0, sizeof(*out));
	memset(&defaults, 0, sizeof(defaults));
	set_defaults(SVC_FIELDS, &defaults);
	set_defaults(DB_FIELDS, &out->db);
	check_scheduled(&c, s);
	if (tr) {
		out->present = true;
		if (!json_is_object(tr)) {
			json_error(&c, "traffic", "\"traffic\" must be an object (defaults, services, database)");
			tr = NULL;
		}
	}
	if (tr) {
		json_object_foreach(tr, key, val) {
			bool known = false;
			for (int i = 0; TOP_KEYS[i]; i++)
				known |= strcmp(TOP_KEYS[i], key) == 0;
			if (!known) {
				const char *near = nearest_word(key, TOP_KEYS);
				snprintf(p, sizeof(p), "traffic.%s", key);
				json_error(&c, p, "traffic has no key \"%s\"%s%s%s (it takes defaults, "
					    "services and database)",
				     cp_sanitize(key, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
				     near ? near : "", near ? "\"?" : "");
			}
		}
		val = json_object_get(tr, "defaults");
		if (val)
			apply_object(&c, "traffic.defaults", val, SVC_FIELDS, &defaults,
				     "traffic.defaults");
		val = json_object_get(tr, "database");
		if (val)
			apply_object(&c, "traffic.database", val, DB_FIELDS, &out->db, "traffic.database");
		services = json_object_get(tr, "services");
		if (services && !json_is_object(services)) {
			json_error(&c, "traffic.services",
			     "traffic.services must be an object keyed by aws_ecs_service name");
			services = NULL;
		}
	}
	/* names under services must be services of this scenario */
	if (services) {
		json_object_foreach(services, key, val) {
			if (service_named(s, key))
				continue;
			const char *cands[256];
			size_t nc = 0;
			for (size_t j = 0; j < s->n && nc < 255; j++)
				if (s->res[j].spec->sim_role == SIM_SERVICE)
					cands[nc++] = s->res[j].name;
			cands[nc] = NULL;
			const char *near = nearest_word(key, cands);
			snprintf(p, sizeof(p), "traffic.services.%s", key);
			json_error(&c, p, "traffic for \"%s\", which is no aws_ecs_service here%s%s%s",
			     cp_sanitize(key, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
			     near ? near : "", near ? "\"?" : "");
		}
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		if (r->spec->sim_role != SIM_SERVICE)
			continue;
		out->svc = xrealloc(out->svc, (out->n + 1) * sizeof(*out->svc));
		struct svc_traffic *t = &out->svc[out->n++];
		*t = defaults;
		t->name = r->name;
		t->from_scenario = false;
		snprintf(p, sizeof(p), "traffic.services.%s", r->name);
		val = services ? json_object_get(services, r->name) : NULL;
		if (val) {
			char where[300];
			snprintf(where, sizeof(where), "traffic for service %s",
				 cp_sanitize(r->name, sbuf, sizeof(sbuf)));
			t->from_scenario = true;
			apply_object(&c, p, val, SVC_FIELDS, t, where);
		}
		check_service(&c, val ? p : "traffic", t);
	}
	return c.errors;
}

void traffic_profile_release(struct traffic_profile *p)
{
	free(p->svc);
	memset(p, 0, sizeof(*p));
}

const struct svc_traffic *traffic_profile_service(const struct traffic_profile *p,
						  const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->svc[i].name, name) == 0)
			return &p->svc[i];
	return NULL;
}
