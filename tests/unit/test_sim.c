/*
 * test_sim.c - the simulator's maths, against answers known in advance:
 * steady-state task counts under constant load, the 3-point scale-out and
 * 15-point scale-in alarms, cooldowns, scheduled actions, Fargate's
 * one-minute minimum, Poisson arrivals' mean and variance, ALB LCUs, T3
 * credits, reproducibility across thread counts, and simulated usage
 * priced by the ordinary engine.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/engine.h"
#include "sim/autoscaler.h"
#include "sim/billing.h"
#include "sim/montecarlo.h"
#include "model/profile.h"
#include "sim/run.h"
#include "sim/setup.h"
#include "sim/stats.h"
#include "sim/traffic.h"
#include "sim/usage.h"
#include "cost/types/registry.h"

/* ---- a small scenario: one service, maybe autoscaled ---------------- */

struct fixture {
	struct scenario s;
	struct traffic_profile tp;
	struct sim_setup u;
};

/* Build from a JSON text; asserts it is valid. */
static void build(struct fixture *fx, const char *json)
{
	json_error_t err;
	json_t *root = json_loads(json, 0, &err);
	if (!root)
		fail_msg("bad test JSON: %s at %d", err.text, err.line);
	assert_int_equal(scenario_from_json(root, "test.json", NULL, &fx->s), 0);
	json_decref(root);
	assert_int_equal(traffic_profile_parse(&fx->s, "test.json", NULL, &fx->tp), 0);
	assert_int_equal(sim_setup_build(&fx->s, &fx->tp, &fx->u), 0);
}

static void release(struct fixture *fx)
{
	sim_setup_release(&fx->u);
	traffic_profile_release(&fx->tp);
	scenario_release(&fx->s);
}

/* A service with constant traffic (no noise, no shape, no growth). */
static char *const_scenario(double rps, double cpu_s, const char *scaling)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf),
		 "{\"costplan\":1,\"name\":\"t\",\"resource\":{"
		 "\"aws_ecs_task_definition\":{\"app\":{\"cpu\":256,\"memory\":512}},"
		 "\"aws_ecs_service\":{\"app\":{\"task_definition\":\"app\",\"desired_count\":1}}%s},"
		 "\"traffic\":{\"services\":{\"app\":{\"requests_per_second\":%.17g,"
		 "\"cpu_seconds_per_request\":%.17g,\"idle_cpu_percent\":0,"
		 "\"diurnal_amplitude\":0,\"weekend_factor\":1,\"monthly_growth\":0,"
		 "\"noise\":{\"poisson\":false,\"day_sigma\":0},\"spikes\":{\"per_month\":0}}}}}",
		 scaling, rps, cpu_s);
	return buf;
}

static const char TT70[] =
	",\"aws_appautoscaling_target\":{\"app\":{\"service\":\"app\",\"min_capacity\":1,"
	"\"max_capacity\":50}},"
	"\"aws_appautoscaling_policy\":{\"cpu\":{\"target\":\"app\",\"policy_type\":"
	"\"TargetTrackingScaling\",\"target_tracking_scaling_policy_configuration\":"
	"{\"target_value\":70}}}";

struct last {
	int desired, serving;
	long changes;
	int prev;
};

static void rec_minute(void *ctx, size_t svc, long minute, const struct minute_rec *m)
{
	struct last *l = ctx;
	(void)svc;
	(void)minute;
	if (m->desired != l->prev)
		l->changes++;
	l->prev = m->desired;
	l->desired = m->desired;
	l->serving = m->serving;
}

/* constant load L vCPU -> exactly ceil(L / (target x capacity)) tasks */
static void steady_state_tasks(void **state)
{
	(void)state;
	const double loads[] = {0.05, 0.3, 0.5, 0.7, 1.0, 2.45, 3.3};
	for (size_t i = 0; i < sizeof(loads) / sizeof(loads[0]); i++) {
		struct fixture fx;
		double rps = 10, cpu = loads[i] / rps;
		build(&fx, const_scenario(rps, cpu, TT70));
		struct run_work w;
		struct run_result r;
		struct last l = {0, 0, 0, 1};
		struct run_recorder rec = {&l, rec_minute, NULL};
		run_work_init(&w, &fx.u, 1);
		run_result_init(&r, &fx.u, 1);
		gsl_rng *rng = mc_rng(1, 0);
		run_simulate(&w, rng, &r, &rec);
		gsl_rng_free(rng);
		double per_task = 0.70 * 0.25;
		int expect = (int)ceil(loads[i] / per_task - 1e-9);
		if (expect < 1)
			expect = 1;
		if (l.desired != expect)
			fail_msg("load %g vCPU: %d tasks, expected %d", loads[i], l.desired, expect);
		assert_int_equal(l.serving, expect);
		/* it settles: a handful of changes, not a month of flapping */
		assert_true(l.changes < 20);
		run_result_free(&r);
		run_work_free(&w);
		release(&fx);
	}
}

/* a fixed desired_count without autoscaling stays fixed, billed all month */
static void fixed_count_stays(void **state)
{
	(void)state;
	struct fixture fx;
	build(&fx, const_scenario(100, 0.05, "")); /* 5 vCPU of load on one task */
	struct run_work w;
	struct run_result r;
	struct last l = {0, 0, 0, 1};
	struct run_recorder rec = {&l, rec_minute, NULL};
	run_work_init(&w, &fx.u, 1);
	run_result_init(&r, &fx.u, 1);
	gsl_rng *rng = mc_rng(1, 0);
	run_simulate(&w, rng, &r, &rec);
	gsl_rng_free(rng);
	assert_int_equal(l.changes, 0);
	assert_int_equal(l.desired, 1);
	assert_true(fabs(r.svc[0].task_seconds - 730 * 3600.0) < 1e-6);
	assert_int_equal(r.svc[0].over100_minutes, SIM_MINUTES_PER_MONTH);
	run_result_free(&r);
	run_work_free(&w);
	release(&fx);
}

/* ---- the scaler, point by point -------------------------------------- */

static int feed(struct scaler *s, long minute, double cpu)
{
	struct scaler_point p = {s->desired, cpu, 0};
	return scaler_tick(s, (double)(minute + 1) * 60, &p);
}

static void scale_out_after_three_points(void **state)
{
	(void)state;
	struct scaler s;
	scaler_auto(&s, 1, 10, 2);
	scaler_add_target(&s, METRIC_CPU, 70);
	for (long t = 0; t < 10; t++)
		assert_int_equal(feed(&s, t, 50), 2);
	/* the step: above target from minute 10 */
	assert_int_equal(feed(&s, 10, 90), 2);
	assert_int_equal(feed(&s, 11, 90), 2);
	/* third point: ceil(2 x 90 / 70) = 3 */
	assert_int_equal(feed(&s, 12, 90), 3);
	/* exactly at the target is not above it */
	struct scaler s2;
	scaler_auto(&s2, 1, 10, 2);
	scaler_add_target(&s2, METRIC_CPU, 70);
	for (long t = 0; t < 30; t++)
		assert_int_equal(feed(&s2, t, 70), 2);
	/* proportional, clamped to max */
	struct scaler s3;
	scaler_auto(&s3, 1, 4, 2);
	scaler_add_target(&s3, METRIC_CPU, 50);
	feed(&s3, 0, 100);
	feed(&s3, 1, 100);
	assert_int_equal(feed(&s3, 2, 100), 4);
}

static void step_scaling_respects_cooldown(void **state)
{
	(void)state;
	struct scaler s;
	scaler_auto(&s, 1, 10, 1);
	scaler_add_step(&s, 70, 40, 1);
	int out_at[4], n = 0, prev = 1;
	for (long t = 0; t < 30 && n < 4; t++) {
		int d = feed(&s, t, 95);
		if (d != prev)
			out_at[n++] = (int)t;
		prev = d;
	}
	assert_int_equal(n, 4);
	assert_int_equal(out_at[0], 2); /* third point */
	/* each next step only once the 300 s cooldown has run: 5 ticks later */
	for (int i = 1; i < n; i++)
		assert_int_equal(out_at[i] - out_at[i - 1], 5);
	/* and in at 40%: 15 points, then +300 s between steps */
	int in_at[3], m = 0;
	prev = s.desired;
	for (long t = 100; t < 200 && m < 3; t++) {
		int d = feed(&s, t, 30);
		if (d != prev)
			in_at[m++] = (int)t;
		prev = d;
	}
	assert_int_equal(m, 3);
	assert_int_equal(in_at[0], 114);
	assert_int_equal(in_at[1] - in_at[0], 5);
	assert_int_equal(in_at[2] - in_at[1], 5);
}

static void scale_in_waits_fifteen_points(void **state)
{
	(void)state;
	struct scaler s;
	scaler_auto(&s, 1, 10, 6);
	scaler_add_target(&s, METRIC_CPU, 70);
	/* 65% is below target but not below 0.9 x 70 = 63: never scales in */
	for (long t = 0; t < 120; t++)
		assert_int_equal(feed(&s, t, 65), 6);
	/* 30%: the 15th consecutive point scales in to ceil(6 x 30 / 70) = 3 */
	for (long t = 120; t < 134; t++)
		assert_int_equal(feed(&s, t, 30), 6);
	assert_int_equal(feed(&s, 134, 30), 3);
	/* the scale-in cooldown: no second scale-in for 300 s */
	s.pol[0].lo = 100; /* alarm still in ALARM */
	for (long t = 135; t < 139; t++)
		assert_int_equal(feed(&s, t, 30), 3);
	assert_int_equal(feed(&s, 139, 30), 2);
	/* a point above 0.9 x target resets the count */
	struct scaler s2;
	scaler_auto(&s2, 1, 10, 6);
	scaler_add_target(&s2, METRIC_CPU, 70);
	for (long t = 0; t < 14; t++)
		feed(&s2, t, 30);
	feed(&s2, 14, 64);
	for (long t = 15; t < 29; t++)
		assert_int_equal(feed(&s2, t, 30), 6);
	assert_int_equal(feed(&s2, 29, 30), 3);
	/* disable_scale_in: never */
	struct scaler s3;
	scaler_auto(&s3, 1, 10, 6);
	scaler_add_target(&s3, METRIC_CPU, 70)->disable_scale_in = true;
	for (long t = 0; t < 200; t++)
		assert_int_equal(feed(&s3, t, 5), 6);
	/* min clamps a scale-in */
	struct scaler s4;
	scaler_auto(&s4, 4, 10, 6);
	scaler_add_target(&s4, METRIC_CPU, 70);
	for (long t = 0; t < 15; t++)
		feed(&s4, t, 1);
	assert_int_equal(s4.desired, 4);
}

static void scale_out_cancels_scale_in_cooldown(void **state)
{
	(void)state;
	struct scaler s;
	scaler_auto(&s, 1, 10, 4);
	scaler_add_target(&s, METRIC_CPU, 70);
	for (long t = 0; t < 15; t++)
		feed(&s, t, 30);
	assert_int_equal(s.desired, 2);
	assert_true(s.last_in > 0);
	for (long t = 15; t < 18; t++)
		feed(&s, t, 95);
	assert_int_equal(s.desired, 3);
	assert_true(s.last_in < 0); /* cooldown ended by the scale-out */
}

static void no_data_never_scales(void **state)
{
	(void)state;
	struct scaler s;
	scaler_auto(&s, 0, 10, 0);
	scaler_add_target(&s, METRIC_CPU, 70);
	for (long t = 0; t < 60; t++) {
		struct scaler_point p = {0, 0, 0};
		assert_int_equal(scaler_tick(&s, (double)(t + 1) * 60, &p), 0);
	}
}

static void scheduled_min_max(void **state)
{
	(void)state;
	struct sched_cron up, down;
	const char *why;
	assert_int_equal(sched_cron_parse("cron(0 8 ? * MON-FRI *)", &up, &why), 0);
	assert_int_equal(sched_cron_parse("cron(0 20 * * * *)", &down, &why), 0);
	assert_int_equal(up.dow_mask, 0x3e);
	assert_int_equal(down.dow_mask, 0x7f);
	assert_int_equal(sched_cron_parse("cron(0 8 1 * ? *)", &up, &why), -1);
	assert_int_equal(sched_cron_parse("rate(5 minutes)", &up, &why), -1);
	assert_int_equal(sched_cron_parse("cron(61 8 ? * MON *)", &up, &why), -1);
	assert_int_equal(sched_cron_parse("cron(0 8 ? * FUNDAY *)", &up, &why), -1);
	sched_cron_parse("cron(0 8 ? * MON-FRI *)", &up, &why);
	struct scaler s;
	scaler_auto(&s, 1, 10, 1);
	scaler_add_scheduled(&s, &up, 4, -1);
	scaler_add_scheduled(&s, &down, 1, -1);
	scaler_schedule(&s, 8 * 60 - 1); /* Monday 07:59 */
	assert_int_equal(s.desired, 1);
	scaler_schedule(&s, 8 * 60); /* Monday 08:00: min 4 moves the count now */
	assert_int_equal(s.min, 4);
	assert_int_equal(s.desired, 4);
	scaler_schedule(&s, 20 * 60);
	assert_int_equal(s.min, 1);
	assert_int_equal(s.desired, 4); /* a lower min does not remove tasks */
	/* Saturday 08:00 is not MON-FRI */
	s.min = 1;
	s.desired = 1;
	scaler_schedule(&s, 5 * 1440 + 8 * 60);
	assert_int_equal(s.desired, 1);
}

/* ---- billing ----------------------------------------------------------- */

static void thirty_second_task_bills_a_minute(void **state)
{
	(void)state;
	assert_true(fargate_billed_seconds(100, 130) == 60);
	assert_true(fargate_billed_seconds(100, 160) == 60);
	assert_true(fargate_billed_seconds(100, 190.5) == 90.5);
	struct taskset t;
	taskset_init(&t, 2);
	taskset_launch(&t, 600, 60);
	taskset_stop_newest(&t, 600, 30); /* stopped at once, 30 s tail */
	assert_true(t.month_seconds[0] == 60);
	/* a task straddling the month boundary bills each month its part */
	taskset_reset(&t);
	taskset_launch(&t, SIM_SECONDS_PER_MONTH - 100, 60);
	taskset_stop_newest(&t, SIM_SECONDS_PER_MONTH + 200, 0);
	assert_true(t.month_seconds[0] == 100);
	assert_true(t.month_seconds[1] == 200);
	/* still running at the end: billed up to the horizon */
	taskset_reset(&t);
	taskset_preset(&t, 2);
	taskset_close(&t, 2 * SIM_SECONDS_PER_MONTH);
	assert_true(t.month_seconds[0] == 2 * SIM_SECONDS_PER_MONTH);
	assert_true(t.month_seconds[1] == 2 * SIM_SECONDS_PER_MONTH);
	taskset_free(&t);
}

static void startup_delay_before_traffic(void **state)
{
	(void)state;
	struct taskset t;
	taskset_init(&t, 1);
	taskset_preset(&t, 1);
	taskset_launch(&t, 600, 90);
	assert_int_equal(taskset_serving(&t, 600), 1);
	assert_int_equal(taskset_serving(&t, 689), 1);
	assert_int_equal(taskset_serving(&t, 690), 2);
	taskset_free(&t);
}

/* ---- traffic ------------------------------------------------------------ */

static void poisson_mean_and_variance(void **state)
{
	(void)state;
	const double mus[] = {0.3, 2.5, 9.9, 10, 37, 60, 450, 5000};
	gsl_rng *r = mc_rng(42, 0);
	traffic_tables();
	const long N = 200000;
	for (size_t i = 0; i < sizeof(mus) / sizeof(mus[0]); i++) {
		double s = 0, s2 = 0, mu = mus[i];
		for (long k = 0; k < N; k++) {
			double x = traffic_poisson(r, mu);
			assert_true(x >= 0 && x == floor(x));
			s += x;
			s2 += x * x;
		}
		double mean = s / N, var = s2 / N - mean * mean;
		/* 5 standard errors: the mean's is sqrt(mu/N), the variance's ~ mu sqrt(2/N) */
		double se_mean = sqrt(mu / N), se_var = mu * sqrt(2.0 / N) + sqrt(mu / N);
		if (fabs(mean - mu) > 5 * se_mean || fabs(var - mu) > 5 * se_var)
			fail_msg("mu %g: mean %g, variance %g", mu, mean, var);
	}
	gsl_rng_free(r);
}

/* arrivals over many runs: Poisson with the profile's rate */
static void arrivals_over_runs(void **state)
{
	(void)state;
	struct fixture fx;
	build(&fx, const_scenario(0.5, 0.01, ""));
	fx.tp.svc[0].poisson = true;
	struct traffic_gen g;
	traffic_init(&g, &fx.tp.svc[0], SIM_MINUTES_PER_DAY);
	double s = 0, s2 = 0;
	const long runs = 400;
	for (long k = 0; k < runs; k++) {
		gsl_rng *r = mc_rng(9, k);
		traffic_new_run(&g, r);
		double rate[SIM_MINUTES_PER_DAY];
		traffic_day_rates(&g, 0, rate);
		for (int m = 0; m < SIM_MINUTES_PER_DAY; m++) {
			double n = traffic_arrivals(&g, r, rate[m]);
			s += n;
			s2 += n * n;
		}
		gsl_rng_free(r);
	}
	double N = runs * (double)SIM_MINUTES_PER_DAY, mean = s / N, var = s2 / N - mean * mean;
	assert_true(fabs(mean - 30) < 5 * sqrt(30 / N));
	assert_true(fabs(var - 30) < 5 * 30 * sqrt(2 / N) + 0.1);
	traffic_free(&g);
	release(&fx);
}

static void traffic_shape(void **state)
{
	(void)state;
	struct svc_traffic t;
	memset(&t, 0, sizeof(t));
	t.rps = 2;
	t.diurnal_amplitude = 0.5;
	t.peak_hour = 15;
	t.weekend_factor = 0.5;
	t.monthly_growth = 0.10;
	struct traffic_gen g;
	traffic_init(&g, &t, 2 * SIM_MINUTES_PER_MONTH);
	gsl_rng *r = mc_rng(1, 0);
	traffic_new_run(&g, r); /* sigma 0, no spikes: factors are 1 */
	/* Monday 15:00 is the peak: 2 x 1.5 (minute centre, nearly), grown a little */
#define GROWN(x, minute) ((x) * pow(1.10, (double)(minute) / SIM_MINUTES_PER_MONTH))
	assert_true(fabs(traffic_rate(&g, 15 * 60) - GROWN(3.0, 15 * 60)) < 1e-4);
	assert_true(fabs(traffic_rate(&g, 3 * 60) - GROWN(1.0, 3 * 60)) < 1e-4);
	/* Saturday peak at half */
	assert_true(fabs(traffic_rate(&g, 5 * 1440 + 15 * 60) -
			 GROWN(1.5, 5 * 1440 + 15 * 60)) < 1e-4);
	/* one month later, same minute of the week: x 1.10 (week 5 day 0 at 43800 + ...) */
	long m = 15 * 60 + 5 * SIM_MINUTES_PER_WEEK;
	double expect = 3.0 * pow(1.10, (double)m / SIM_MINUTES_PER_MONTH);
	assert_true(fabs(traffic_rate(&g, m) - expect) < 1e-3 * expect);
	gsl_rng_free(r);
	traffic_free(&g);
}

/* ---- usage models --------------------------------------------------------- */

static void alb_lcu_is_hourly_max(void **state)
{
	(void)state;
	/* 90,000 new connections in an hour = 25/s = 1 LCU */
	assert_true(fabs(alb_hour_lcu(90000, 0, 0, 0) - 1) < 1e-12);
	assert_true(fabs(alb_hour_lcu(0, 6000, 0, 0) - 2) < 1e-12);
	assert_true(fabs(alb_hour_lcu(0, 0, 3 * SIM_GB, 0) - 3) < 1e-12);
	assert_true(fabs(alb_hour_lcu(0, 0, 0, 3600.0 * 4000) - 4) < 1e-12);
	assert_true(fabs(alb_hour_lcu(90000, 6000, 3 * SIM_GB, 3600.0 * 4000) - 4) < 1e-12);
}

static void t3_credits(void **state)
{
	(void)state;
	struct db_credits c;
	db_credits_init(&c, 12, 288);
	/* at the baseline (10% of 2 vCPU = 0.2 vCPU) the balance holds */
	for (int h = 0; h < 100; h++)
		db_credits_hour(&c, 0.2);
	assert_true(fabs(c.balance - 288) < 1e-9);
	assert_false(c.exhausted);
	/* 1 vCPU spends 60, earns 12: 288 lasts 6 hours, then surplus */
	for (int h = 0; h < 6; h++)
		db_credits_hour(&c, 1.0);
	assert_true(fabs(c.balance) < 1e-9);
	assert_false(c.exhausted);
	db_credits_hour(&c, 1.0);
	assert_true(c.exhausted);
	assert_true(fabs(c.surplus - 48) < 1e-9);
}

static void percentiles(void **state)
{
	(void)state;
	int64_t v[20];
	for (int i = 0; i < 20; i++)
		v[i] = (20 - i) * 100;
	struct cstat c;
	stat_cents(v, 20, &c);
	assert_int_equal(c.p5, 100);
	assert_int_equal(c.p50, 1000);
	assert_int_equal(c.p95, 1900);
	assert_int_equal(c.mean, 1050);
	assert_int_equal(stat_rank(0.5, 1), 0);
}

/* usage from traffic: image pulls through NAT, data out, LCU-hours, logs */
static void usage_from_traffic(void **state)
{
	(void)state;
	struct fixture fx;
	/* an ALB, a NAT gateway, a log group; constant traffic; scaling 1..50 */
	static char json[6000];
	snprintf(json, sizeof(json),
		 "{\"costplan\":1,\"name\":\"u\",\"resource\":{"
		 "\"aws_lb\":{\"main\":{\"subnets\":[\"a\",\"b\"]}},"
		 "\"aws_nat_gateway\":{\"main\":{}},\"aws_data_transfer\":{\"this\":{}},"
		 "\"aws_cloudwatch_log_group\":{\"app\":{\"retention_in_days\":7}},"
		 "\"aws_ecs_task_definition\":{\"app\":{\"cpu\":256,\"memory\":512,"
		 "\"image_size_mb\":512}},"
		 "\"aws_ecs_service\":{\"app\":{\"task_definition\":\"app\",\"desired_count\":1,"
		 "\"load_balancer\":\"main\"}}%s},"
		 "\"traffic\":{\"services\":{\"app\":{\"requests_per_second\":10,"
		 "\"cpu_seconds_per_request\":0.05,\"idle_cpu_percent\":0,"
		 "\"diurnal_amplitude\":0,\"weekend_factor\":1,\"monthly_growth\":0,"
		 "\"bytes_in_per_request\":1000,\"bytes_out_per_request\":9000,"
		 "\"log_bytes_per_request\":100,\"log_bytes_per_task_minute\":0,"
		 "\"external_bytes_per_request\":0,\"requests_per_connection\":1,"
		 "\"connection_seconds\":60,"
		 "\"noise\":{\"poisson\":false,\"day_sigma\":0},\"spikes\":{\"per_month\":0}}}}}",
		 TT70);
	build(&fx, json);
	struct run_work w;
	struct run_result r;
	run_work_init(&w, &fx.u, 1);
	run_result_init(&r, &fx.u, 1);
	gsl_rng *rng = mc_rng(1, 0);
	run_simulate(&w, rng, &r, NULL);
	gsl_rng_free(rng);
	const struct svc_month *sm = &r.svc[0];
	double req = 10 * 60.0 * SIM_MINUTES_PER_MONTH;
	assert_true(fabs(sm->requests - req) < 1e-6 * req);
	assert_int_equal(sm->launches, 2); /* 1 -> 3 tasks: ceil(0.5 / 0.175) */
	/* NAT: two image pulls of 512 MB plus the logs (no logs endpoint) */
	double nat = 2 * 0.5 * SIM_GB + req * 100;
	assert_true(fabs(r.month[0].nat_bytes - nat) < 1e-6 * nat);
	assert_true(fabs(r.month[0].dt_out_bytes - req * 9000) < 1e-6 * req * 9000);
	assert_true(fabs(sm->log_bytes - req * 100) < 1e-6 * req * 100);
	/* LCUs: 10 new connections/s = 0.4; 600 active = 0.2; 36 MB/h: the max */
	double lcu = 0.4 * 730;
	assert_true(fabs(r.lcu_hours[0] - lcu) < 1e-6 * lcu);
	/* written as usage and priced by the engine */
	usage_apply(&fx.s, &fx.u, &r, 0);
	struct catalog *cat = catalog_new("pricing");
	struct breakdown b;
	assert_int_equal(cost_breakdown(&fx.s, cat, NULL, &b), 0);
	const struct cost_item *lb = breakdown_item(&b, "aws_lb.main");
	char q[DEC_BUFSZ];
	assert_string_equal(dec_format(lb->lines[1].quantity, 4, q, sizeof(q)), "292.0000");
	const struct cost_item *svc = breakdown_item(&b, "aws_ecs_service.app");
	/* about 3 tasks all month (the first minutes ran fewer) */
	double th = dec_to_double(svc->lines[0].quantity) / 0.25;
	assert_true(th > 3 * 730 - 1 && th <= 3 * 730);
	breakdown_release(&b);
	catalog_free(cat);
	run_result_free(&r);
	run_work_free(&w);
	release(&fx);
}

/* ---- Monte Carlo: threads do not change results ------------------------- */

static void same_seed_any_threads(void **state)
{
	(void)state;
	struct fixture fx;
	build(&fx, const_scenario(2, 0.05, TT70));
	fx.tp.svc[0].poisson = true;
	fx.tp.svc[0].day_sigma = 0.3;
	fx.tp.svc[0].spikes_per_month = 5;
	struct mc_options o1 = {6, 1, 77, 1, false}, o2 = {6, 1, 77, 2, false};
	struct mc_result a, b;
	mc_run(&fx.u, &o1, &a);
	mc_run(&fx.u, &o2, &b);
	assert_memory_equal(a.svc_block, b.svc_block, 6 * sizeof(struct svc_month));
	assert_memory_equal(a.month_block, b.month_block, 6 * sizeof(struct run_month));
	assert_memory_equal(a.hist, b.hist, SIM_HIST_BINS * sizeof(unsigned long));
	/* and a different seed gives a different month */
	struct mc_options o3 = {6, 1, 78, 2, false};
	struct mc_result c;
	mc_run(&fx.u, &o3, &c);
	assert_true(memcmp(a.svc_block, c.svc_block, 6 * sizeof(struct svc_month)) != 0);
	mc_result_free(&a);
	mc_result_free(&b);
	mc_result_free(&c);
	release(&fx);
}

/* ---- simulated usage is priced by the engine ------------------------------ */

static void engine_prices_simulated_hours(void **state)
{
	(void)state;
	struct fixture fx;
	build(&fx, const_scenario(2, 0.05, ""));
	struct catalog *cat = catalog_new("pricing");
	struct breakdown b;
	json_object_set_new(fx.s.res[1].usage, "monthly_task_hours", json_real(365));
	assert_string_equal(fx.s.res[1].type, "aws_ecs_service");
	assert_int_equal(cost_breakdown(&fx.s, cat, NULL, &b), 0);
	const struct cost_item *it = breakdown_item(&b, "aws_ecs_service.app");
	assert_non_null(it);
	char q[DEC_BUFSZ];
	assert_string_equal(dec_format_trim(it->lines[0].quantity, q, sizeof(q)), "91.25");
	assert_true(it->lines[0].usage_based);
	breakdown_release(&b);
	catalog_free(cat);
	release(&fx);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(steady_state_tasks),
		cmocka_unit_test(fixed_count_stays),
		cmocka_unit_test(scale_out_after_three_points),
		cmocka_unit_test(step_scaling_respects_cooldown),
		cmocka_unit_test(scale_in_waits_fifteen_points),
		cmocka_unit_test(scale_out_cancels_scale_in_cooldown),
		cmocka_unit_test(no_data_never_scales),
		cmocka_unit_test(scheduled_min_max),
		cmocka_unit_test(thirty_second_task_bills_a_minute),
		cmocka_unit_test(startup_delay_before_traffic),
		cmocka_unit_test(poisson_mean_and_variance),
		cmocka_unit_test(arrivals_over_runs),
		cmocka_unit_test(traffic_shape),
		cmocka_unit_test(alb_lcu_is_hourly_max),
		cmocka_unit_test(t3_credits),
		cmocka_unit_test(usage_from_traffic),
		cmocka_unit_test(percentiles),
		cmocka_unit_test(same_seed_any_threads),
		cmocka_unit_test(engine_prices_simulated_hours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
