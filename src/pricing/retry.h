/*
 * retry.h - bounded retries with exponential backoff and jitter.
 *
 * Attempt k (k = 1 for the first retry) waits a random time in
 * [d/2, d) where d = min(max_ms, base_ms * 2^(k-1)) ("equal jitter": never
 * zero, never in lock-step with another client). At most max_attempts
 * attempts in all. Figures come from the environment so tests can be fast:
 *
 *   COSTPLAN_FETCH_ATTEMPTS   attempts per file (default 5)
 *   COSTPLAN_FETCH_BACKOFF_MS first backoff, ms (default 1000)
 *   COSTPLAN_FETCH_BACKOFF_MAX_MS  cap (default 30000)
 *
 * retry_run() is the loop itself, independent of HTTP, so it is unit-tested
 * with a fake attempt function and a fake sleep.
 */
#ifndef COSTPLAN_RETRY_H
#define COSTPLAN_RETRY_H

struct retry_policy {
	int max_attempts;
	long base_ms;
	long max_ms;
};

/* Outcome of one attempt. */
enum retry_verdict {
	RETRY_DONE = 0,	 /* success, or a failure not worth retrying: stop */
	RETRY_AGAIN = 1, /* transient failure: try again if attempts are left */
};

void retry_policy_default(struct retry_policy *p);
/* Defaults overridden by the environment variables above (bad values ignored). */
void retry_policy_from_env(struct retry_policy *p);

/* Delay before retry k (1-based), with u in [0, 1) the random draw. */
long retry_delay_ms(const struct retry_policy *p, int k, double u);

/*
 * Run attempt(ctx, n) (n = 1, 2, ...) until it returns RETRY_DONE or the
 * attempts run out; between attempts call notify (may be NULL) with the
 * delay, then sleep_ms(delay). rnd() gives the jitter draws (NULL: random()).
 * Returns the number of attempts made; *exhausted is set when the last one
 * still asked for another.
 */
int retry_run(const struct retry_policy *p, enum retry_verdict (*attempt)(void *ctx, int n),
	      void (*notify)(void *ctx, int next_attempt, long delay_ms), void (*sleep_ms)(long),
	      double (*rnd)(void), void *ctx, int *exhausted);

/* nanosleep for ms milliseconds. */
void retry_sleep_ms(long ms);

#endif
