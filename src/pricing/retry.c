/*
 * retry.c - backoff arithmetic and the retry loop. See retry.h.
 */
#include "pricing/retry.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

void retry_policy_default(struct retry_policy *p)
{
	p->max_attempts = 5;
	p->base_ms = 1000;
	p->max_ms = 30000;
}

static long env_long(const char *name, long lo, long hi, long dflt)
{
	const char *s = getenv(name);
	char *end;
	if (!s || !*s)
		return dflt;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return dflt;
	return v;
}

void retry_policy_from_env(struct retry_policy *p)
{
	retry_policy_default(p);
	p->max_attempts = (int)env_long("COSTPLAN_FETCH_ATTEMPTS", 1, 100, p->max_attempts);
	p->base_ms = env_long("COSTPLAN_FETCH_BACKOFF_MS", 0, 600000, p->base_ms);
	p->max_ms = env_long("COSTPLAN_FETCH_BACKOFF_MAX_MS", 0, 3600000, p->max_ms);
	if (p->max_ms < p->base_ms)
		p->max_ms = p->base_ms;
}

long retry_delay_ms(const struct retry_policy *p, int k, double u)
{
	long d = p->base_ms;
	for (int i = 1; i < k && d < p->max_ms; i++)
		d = d > p->max_ms / 2 ? p->max_ms : d * 2;
	if (d > p->max_ms)
		d = p->max_ms;
	if (u < 0)
		u = 0;
	if (u >= 1)
		u = 0.999999;
	return d / 2 + (long)((double)(d - d / 2) * u);
}

static double default_rnd(void)
{
	static int seeded;
	if (!seeded) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		srandom((unsigned)(ts.tv_nsec ^ ts.tv_sec));
		seeded = 1;
	}
	return (double)random() / ((double)RAND_MAX + 1.0);
}

void retry_sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

int retry_run(const struct retry_policy *p, enum retry_verdict (*attempt)(void *ctx, int n),
	      void (*notify)(void *ctx, int next_attempt, long delay_ms), void (*sleep_ms)(long),
	      double (*rnd)(void), void *ctx, int *exhausted)
{
	int n = 0;
	*exhausted = 0;
	if (!rnd)
		rnd = default_rnd;
	if (!sleep_ms)
		sleep_ms = retry_sleep_ms;
	for (;;) {
		n++;
		if (attempt(ctx, n) == RETRY_DONE)
			return n;
		if (n >= p->max_attempts) {
			*exhausted = 1;
			return n;
		}
		long d = retry_delay_ms(p, n, rnd());
		if (notify)
			notify(ctx, n + 1, d);
		sleep_ms(d);
	}
}
