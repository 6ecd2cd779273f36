/*
 * profile.h - the traffic profile a scenario gives under "traffic".
 *
 *   "traffic": {
 *     "defaults": { ...service keys... },          applies to every service
 *     "services": { "api": { ...service keys... } }  keyed by aws_ecs_service name
 *     "database": { "cpu_ms_per_query": 1, "idle_cpu_percent": 3 }
 *   }
 *
 * Service keys (all optional; built-in defaults fit an early-stage product,
 * see SVC_FIELDS in profile.c and the README): request rate and its shape
 * (diurnal, weekly, compound monthly growth), noise (Poisson arrivals,
 * lognormal day factor), random spikes, and the service model (CPU per
 * request, idle CPU, bytes, logs, database queries, start-up and stop
 * delays). Every problem is reported with file:line:col, like the rest of
 * the scenario; the loader calls traffic_profile_parse() so every command
 * rejects a bad profile.
 *
 * Ownership: struct traffic_profile owns its arrays; release it with
 * traffic_profile_release(). Names are borrowed from the scenario.
 */
#ifndef COSTPLAN_SIM_PROFILE_H
#define COSTPLAN_SIM_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "util/json_pos.h"

struct scenario;

struct svc_traffic {
	const char *name; /* aws_ecs_service name */
	bool from_scenario; /* listed under traffic.services */
	/* load */
	double rps;               /* weekday mean requests/s at month 0 */
	double diurnal_amplitude; /* 0..1: peak = mean x (1 + a) */
	double peak_hour;         /* UTC hour of the daily peak */
	double weekend_factor;    /* Saturday and Sunday rate / weekday rate */
	double monthly_growth;    /* compound, per 730-hour month */
	bool poisson;             /* Poisson arrivals per minute */
	double day_sigma;         /* lognormal day-to-day factor (mean 1) */
	double spikes_per_month;
	double spike_magnitude_median; /* rate multiplier, lognormal */
	double spike_magnitude_sigma;
	double spike_minutes;          /* mean duration, exponential */
	/* service model */
	double cpu_seconds_per_request;
	double idle_cpu_percent; /* of the task's vCPU */
	double bytes_in_per_request;
	double bytes_out_per_request;
	double log_bytes_per_request;
	double log_bytes_per_task_minute;
	double external_bytes_per_request; /* to/from the internet through NAT */
	double db_queries_per_request;
	double requests_per_connection;
	double connection_seconds;
	double startup_seconds;      /* launch (image pull, start) */
	double health_check_seconds; /* before the ALB routes to it */
	double deregistration_delay_seconds;
	double stop_timeout_seconds;
};

struct db_traffic {
	double cpu_ms_per_query; /* vCPU milliseconds per query */
	double idle_cpu_percent; /* of the instance's vCPUs */
};

struct traffic_profile {
	bool present; /* the scenario has a "traffic" section */
	struct svc_traffic *svc; /* one per aws_ecs_service, scenario order */
	size_t n;
	struct db_traffic db;
};

/*
 * Validate s->root's "traffic" against the scenario's resources and fill
 * out (one entry per aws_ecs_service, defaults applied). Errors are
 * printed with positions from pos (may be NULL) and counted; returns the
 * count (0 = valid). out is always initialised; release it.
 */
int traffic_profile_parse(const struct scenario *s, const char *path, const struct json_pos *pos,
			  struct traffic_profile *out);
void traffic_profile_release(struct traffic_profile *p);
const struct svc_traffic *traffic_profile_service(const struct traffic_profile *p,
						  const char *name);

/* The built-in default of one service key ("noise.day_sigma"), for docs and tests. */
bool traffic_default(const char *key, double *out);

/*
 * The keys of traffic.defaults and traffic.services.NAME (database false)
 * or of traffic.database (true), dotted ("spikes.per_month"), in table
 * order, NULL-terminated (a static table: do not free). For --set
 * (model/docpath.c).
 */
const char *traffic_key_name(bool database, size_t i);
/* Check one value for such a key: 0 valid, -1 no such key, 1 a bad value
 * (why says what it must be). v NULL: the key only. */
int traffic_key_check(bool database, const char *key, const json_t *v, char *why, size_t size);

/* Scheduled action "cron(M H ? * DOW *)": parsed form (profile.c). */
struct sched_cron {
	int minute, hour;  /* -1 = every */
	unsigned dow_mask; /* bit 0 = Sunday ... bit 6 = Saturday */
};
/* 0, or -1 with *why set to a static explanation. */
int sched_cron_parse(const char *expr, struct sched_cron *out, const char **why);

#endif
