/*
 * schema.c - the resource types costplan understands, with their
 * attributes, defaults, limits and usage keys. One table per type; the
 * pricer for each lives in src/cost/. Free bookkeeping types (VPC, subnets,
 * IAM...) are listed so a scenario or plan can name them; they cost $0 and
 * the breakdown shows that they were considered.
 */
#include "model/schema.h"

#include <stdlib.h>
#include <string.h>

#define END {NULL, 0, NULL, 0, 0, NULL, NULL, NULL}

static const char *const CPU_ARCH[] = {"X86_64", "ARM64", NULL};
static const char *const OS_FAMILY[] = {"LINUX", NULL};
static const char *const LAUNCH_TYPE[] = {"FARGATE", NULL};
static const char *const CAPACITY[] = {"FARGATE", "FARGATE_SPOT", NULL};
static const char *const LB_TYPE[] = {"application", NULL};
static const char *const PG_ENGINE[] = {"postgres", NULL};
static const char *const DB_CLASS[] = {"db.t3.micro", "db.t3.small", "db.t3.medium",
				       "db.t4g.micro", "db.t4g.small", "db.r7g.large", NULL};
static const char *const STORAGE_TYPE[] = {"gp2", "gp3", NULL};
static const char *const MONITORING[] = {"0", "1", "5", "10", "15", "30", "60", NULL};
static const char *const CACHE_ENGINE[] = {"redis", "valkey", NULL};
static const char *const CACHE_NODE[] = {"cache.t3.micro", "cache.t3.small", "cache.t4g.micro",
					 "cache.t4g.small", NULL};
static const char *const RETENTION[] = {"0",   "1",   "3",   "5",    "7",    "14",   "30",
					"60",  "90",  "120", "150",  "180",  "365",  "400",
					"545", "731", "1096", "1827", "2192", "2557", "2922",
					"3288", "3653", NULL};
static const char *const LOG_CLASS[] = {"STANDARD", "INFREQUENT_ACCESS", NULL};
static const char *const ENDPOINT_TYPE[] = {"Gateway", "Interface", NULL};
static const char *const SSM_TIER[] = {"Standard", "Advanced", NULL};
static const char *const INSIGHTS[] = {"disabled", "enabled", NULL};
static const char *const POLICY_TYPE[] = {"TargetTrackingScaling", "StepScaling", NULL};
static const char *const METRIC_TYPE[] = {"ECSServiceAverageCPUUtilization",
					  "ECSServiceAverageMemoryUtilization",
					  "ALBRequestCountPerTarget", NULL};
static const char *const NAT_CONN[] = {"public", "private", NULL};
static const char *const ALARM_PERIOD[] = {"10", "30", "60", "300", "900", "3600", "86400", NULL};

/* count is Terraform's meta-argument: n identical copies. */
#define COUNT {"count", ATTR_INT, "1", 0, 1000, NULL, NULL, "number of identical copies"}

static const struct attr_spec ECS_TASKDEF[] = {
	COUNT,
	{"family", ATTR_STRING, "", 0, 0, NULL, NULL, "task definition family"},
	{"cpu", ATTR_INT, NULL, 256, 16384, NULL, NULL, "CPU units (1024 = 1 vCPU)"},
	{"memory", ATTR_INT, NULL, 512, 122880, NULL, NULL, "memory in MiB"},
	{"runtime_platform.cpu_architecture", ATTR_ENUM, "X86_64", 0, 0, CPU_ARCH, NULL,
	 "X86_64 or ARM64 (Graviton)"},
	{"runtime_platform.operating_system_family", ATTR_ENUM, "LINUX", 0, 0, OS_FAMILY, NULL,
	 "only Linux is priced"},
	{"ephemeral_storage.size_in_gib", ATTR_INT, "20", 20, 200, NULL, NULL,
	 "task storage; above 20 GiB is charged"},
	{"container_port", ATTR_INT, "0", 0, 65535, NULL, NULL, "informational"},
	{"image_size_mb", ATTR_NUMBER, "300", 1, 20000, NULL, NULL,
	 "compressed image size, pulled at every task start"},
	END,
};

static const struct attr_spec ECS_SERVICE[] = {
	COUNT,
	{"task_definition", ATTR_REF, NULL, 0, 0, NULL, "aws_ecs_task_definition",
	 "the task definition this service runs"},
	{"desired_count", ATTR_INT, "0", 0, 5000, NULL, NULL, "tasks running (Terraform default 0)"},
	{"launch_type", ATTR_ENUM, "FARGATE", 0, 0, LAUNCH_TYPE, NULL, "only Fargate is priced"},
	{"capacity_provider", ATTR_ENUM, "FARGATE", 0, 0, CAPACITY, NULL,
	 "FARGATE or FARGATE_SPOT (capacity_provider_strategy with one provider)"},
	{"network_configuration.assign_public_ip", ATTR_BOOL, "false", 0, 0, NULL, NULL,
	 "a public IPv4 address per task"},
	{"load_balancer", ATTR_REF, "", 0, 0, NULL, "aws_lb", "the ALB in front, if any"},
	{"cluster", ATTR_REF, "", 0, 0, NULL, "aws_ecs_cluster", "the cluster"},
	{"spot_discount", ATTR_NUMBER, "0.7", 0, 0.9, NULL, NULL,
	 "costplan assumption, not Terraform: FARGATE_SPOT price = on-demand x (1 - this); "
	 "AWS advertises up to 70% off, the real Spot price varies"},
	END,
};

static const struct attr_spec ECS_CLUSTER[] = {
	COUNT,
	{"name", ATTR_STRING, "", 0, 0, NULL, NULL, "cluster name"},
	{"setting.containerInsights", ATTR_ENUM, "disabled", 0, 0, INSIGHTS, NULL,
	 "Container Insights (the cluster's containerInsights setting)"},
	END,
};

static const char *const CLUSTER_USAGE[] = {"container_insights_metrics_per_cluster",
					    "container_insights_metrics_per_service",
					    "container_insights_metrics_per_task",
					    "container_insights_log_gb_per_task", NULL};

static const char *const SP_TYPE[] = {"Compute", NULL};
static const char *const SP_TERM[] = {"1yr", "3yr", NULL};
static const char *const SP_PAYMENT[] = {"No Upfront", "Partial Upfront", "All Upfront", NULL};

/* Not a Terraform resource: a Savings Plan is bought in the console or API.
 * Its discount is an assumption until the AWSComputeSavingsPlan offer is in
 * the snapshot. */
static const struct attr_spec SAVINGS_PLAN[] = {
	{"savings_plan_type", ATTR_ENUM, "Compute", 0, 0, SP_TYPE, NULL,
	 "Compute: covers Fargate (and EC2, Lambda)"},
	{"term", ATTR_ENUM, "1yr", 0, 0, SP_TERM, NULL, "commitment term"},
	{"payment_option", ATTR_ENUM, "No Upfront", 0, 0, SP_PAYMENT, NULL, ""},
	{"discount_rate", ATTR_NUMBER, "0.2", 0, 0.72, NULL, NULL,
	 "assumption: fraction off on-demand Fargate for the term and payment chosen"},
	END,
};

static const struct attr_spec APPAS_TARGET[] = {
	COUNT,
	{"service", ATTR_REF, NULL, 0, 0, NULL, "aws_ecs_service", "the ECS service scaled"},
	{"min_capacity", ATTR_INT, NULL, 0, 5000, NULL, NULL, "fewest tasks"},
	{"max_capacity", ATTR_INT, NULL, 0, 5000, NULL, NULL, "most tasks"},
	END,
};

static const struct attr_spec APPAS_POLICY[] = {
	COUNT,
	{"target", ATTR_REF, NULL, 0, 0, NULL, "aws_appautoscaling_target", "the scalable target"},
	{"policy_type", ATTR_ENUM, "TargetTrackingScaling", 0, 0, POLICY_TYPE, NULL, ""},
	{"target_tracking_scaling_policy_configuration.target_value", ATTR_NUMBER, "70", 1, 100,
	 NULL, NULL, "target metric value (percent)"},
	{"target_tracking_scaling_policy_configuration.predefined_metric_type", ATTR_ENUM,
	 "ECSServiceAverageCPUUtilization", 0, 0, METRIC_TYPE, NULL, ""},
	{"target_tracking_scaling_policy_configuration.scale_in_cooldown", ATTR_INT, "300", 0,
	 86400, NULL, NULL, "seconds"},
	{"target_tracking_scaling_policy_configuration.scale_out_cooldown", ATTR_INT, "300", 0,
	 86400, NULL, NULL, "seconds"},
	{"target_tracking_scaling_policy_configuration.disable_scale_in", ATTR_BOOL, "false", 0, 0,
	 NULL, NULL, ""},
	{"step_scaling.scale_out_threshold", ATTR_NUMBER, "70", 1, 100, NULL, NULL,
	 "CPU percent that adds tasks"},
	{"step_scaling.scale_in_threshold", ATTR_NUMBER, "40", 0, 100, NULL, NULL,
	 "CPU percent that removes tasks"},
	{"step_scaling.adjustment", ATTR_INT, "1", 1, 100, NULL, NULL, "tasks per step"},
	END,
};

/* Scheduled scaling (Application Auto Scaling): sets min/max at a time; free. */
static const struct attr_spec APPAS_SCHEDULED[] = {
	COUNT,
	{"target", ATTR_REF, NULL, 0, 0, NULL, "aws_appautoscaling_target", "the scalable target"},
	{"schedule", ATTR_STRING, NULL, 0, 0, NULL, NULL,
	 "cron(minute hour ? * day-of-week *) in UTC, e.g. cron(0 8 ? * MON-FRI *)"},
	{"timezone", ATTR_STRING, "UTC", 0, 0, NULL, NULL, "only UTC is simulated"},
	{"scalable_target_action.min_capacity", ATTR_INT, "-1", -1, 5000, NULL, NULL,
	 "new min_capacity (-1 = unchanged)"},
	{"scalable_target_action.max_capacity", ATTR_INT, "-1", -1, 5000, NULL, NULL,
	 "new max_capacity (-1 = unchanged)"},
	END,
};

static const struct attr_spec LB[] = {
	COUNT,
	{"load_balancer_type", ATTR_ENUM, "application", 0, 0, LB_TYPE, NULL, ""},
	{"internal", ATTR_BOOL, "false", 0, 0, NULL, NULL, "internal ALBs have no public IPs"},
	{"subnets", ATTR_LIST, NULL, 2, 16, NULL, NULL, "one node and public IPv4 per subnet"},
	{"enable_deletion_protection", ATTR_BOOL, "false", 0, 0, NULL, NULL, "free"},
	END,
};

static const struct attr_spec NAT[] = {
	COUNT,
	{"connectivity_type", ATTR_ENUM, "public", 0, 0, NAT_CONN, NULL, ""},
	{"allocation_id", ATTR_REF, "", 0, 0, NULL, "aws_eip", "its Elastic IP"},
	{"subnet_id", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	END,
};

static const struct attr_spec EIP[] = {
	COUNT,
	{"domain", ATTR_STRING, "vpc", 0, 0, NULL, NULL, ""},
	END,
};

static const struct attr_spec DB[] = {
	COUNT,
	{"engine", ATTR_ENUM, NULL, 0, 0, PG_ENGINE, NULL, "only PostgreSQL is priced"},
	{"engine_version", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"instance_class", ATTR_ENUM, NULL, 0, 0, DB_CLASS, NULL, ""},
	{"multi_az", ATTR_BOOL, "false", 0, 0, NULL, NULL, "a standby in a second AZ"},
	{"allocated_storage", ATTR_INT, "20", 20, 65536, NULL, NULL, "GB"},
	{"max_allocated_storage", ATTR_INT, "0", 0, 65536, NULL, NULL, "storage autoscaling cap"},
	{"storage_type", ATTR_ENUM, "gp2", 0, 0, STORAGE_TYPE, NULL, ""},
	{"iops", ATTR_INT, "0", 0, 64000, NULL, NULL, "gp3 IOPS (above the baseline are charged)"},
	{"storage_throughput", ATTR_INT, "0", 0, 4000, NULL, NULL, "gp3 MiBps"},
	{"storage_encrypted", ATTR_BOOL, "false", 0, 0, NULL, NULL, "free"},
	{"backup_retention_period", ATTR_INT, "7", 0, 35, NULL, NULL, "days"},
	{"performance_insights_enabled", ATTR_BOOL, "false", 0, 0, NULL, NULL, ""},
	{"performance_insights_retention_period", ATTR_INT, "7", 7, 731, NULL, NULL,
	 "days; 7 is free"},
	{"monitoring_interval", ATTR_INTSET, "0", 0, 0, MONITORING, NULL,
	 "Enhanced Monitoring seconds (0 = off)"},
	{"deletion_protection", ATTR_BOOL, "false", 0, 0, NULL, NULL, "free"},
	END,
};
static const char *const DB_USAGE[] = {"additional_backup_storage_gb", "monthly_cpu_credit_hrs",
				       "monthly_enhanced_monitoring_gb",
				       "monthly_additional_performance_insights_requests", NULL};

static const struct attr_spec CACHE[] = {
	COUNT,
	{"engine", ATTR_ENUM, "redis", 0, 0, CACHE_ENGINE, NULL, ""},
	{"engine_version", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"node_type", ATTR_ENUM, NULL, 0, 0, CACHE_NODE, NULL, ""},
	{"num_cache_clusters", ATTR_INT, "1", 1, 6, NULL, NULL, "nodes (primary + replicas)"},
	{"num_node_groups", ATTR_INT, "0", 0, 500, NULL, NULL, "cluster mode shards (0 = off)"},
	{"replicas_per_node_group", ATTR_INT, "0", 0, 5, NULL, NULL, "cluster mode replicas"},
	{"automatic_failover_enabled", ATTR_BOOL, "false", 0, 0, NULL, NULL, ""},
	{"multi_az_enabled", ATTR_BOOL, "false", 0, 0, NULL, NULL, ""},
	{"at_rest_encryption_enabled", ATTR_BOOL, "false", 0, 0, NULL, NULL, "free"},
	{"transit_encryption_enabled", ATTR_BOOL, "false", 0, 0, NULL, NULL, "free"},
	{"snapshot_retention_limit", ATTR_INT, "0", 0, 35, NULL, NULL, "days"},
	END,
};
static const char *const CACHE_USAGE[] = {"snapshot_storage_size_gb", NULL};

static const struct attr_spec LOG_GROUP[] = {
	COUNT,
	{"name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"retention_in_days", ATTR_INTSET, "0", 0, 0, RETENTION, NULL, "0 = never expire"},
	{"log_group_class", ATTR_ENUM, "STANDARD", 0, 0, LOG_CLASS, NULL, ""},
	END,
};
static const char *const LOG_USAGE[] = {"monthly_data_ingested_gb", "storage_gb",
					"monthly_data_scanned_gb", NULL};

static const struct attr_spec DASHBOARD[] = {
	COUNT,
	{"dashboard_name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	END,
};

static const struct attr_spec ALARM[] = {
	COUNT,
	{"alarm_name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"period", ATTR_INTSET, "60", 0, 0, ALARM_PERIOD, NULL, "seconds; 10 or 30 = high resolution"},
	END,
};

static const struct attr_spec SECRET[] = {
	COUNT,
	{"name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	END,
};
static const char *const SECRET_USAGE[] = {"monthly_requests", NULL};

static const struct attr_spec BUCKET[] = {
	COUNT,
	{"bucket", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	END,
};
static const char *const BUCKET_USAGE[] = {"standard.storage_gb", "standard.monthly_tier_1_requests",
					   "standard.monthly_tier_2_requests", NULL};

static const struct attr_spec ECR[] = {
	COUNT,
	{"name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"image_scanning_configuration.scan_on_push", ATTR_BOOL, "false", 0, 0, NULL, NULL,
	 "basic scanning is free"},
	{"image_tag_mutability", ATTR_STRING, "MUTABLE", 0, 0, NULL, NULL, ""},
	END,
};
static const char *const ECR_USAGE[] = {"storage_gb", NULL};

static const struct attr_spec DATA_TRANSFER[] = {
	END,
};
static const char *const DT_USAGE[] = {"monthly_outbound_internet_gb", "monthly_intra_region_gb",
				       NULL};

static const struct attr_spec WAF[] = {
	COUNT,
	{"name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"scope", ATTR_STRING, "REGIONAL", 0, 0, NULL, NULL, ""},
	{"rule", ATTR_BLOCKS, "", 0, 100, NULL, NULL, "one entry per rule"},
	END,
};
static const char *const WAF_USAGE[] = {"monthly_requests", NULL};

static const struct attr_spec ENDPOINT[] = {
	COUNT,
	{"service_name", ATTR_STRING, NULL, 0, 0, NULL, NULL, "com.amazonaws.<region>.<service>"},
	{"vpc_endpoint_type", ATTR_ENUM, "Gateway", 0, 0, ENDPOINT_TYPE, NULL,
	 "Gateway (free) or Interface (per AZ-hour)"},
	{"subnet_ids", ATTR_LIST, "", 0, 16, NULL, NULL, "interface endpoints: one per AZ"},
	{"private_dns_enabled", ATTR_BOOL, "false", 0, 0, NULL, NULL, ""},
	END,
};
static const char *const ENDPOINT_USAGE[] = {"monthly_data_processed_gb", NULL};

static const struct attr_spec SSM_PARAM[] = {
	COUNT,
	{"name", ATTR_STRING, "", 0, 0, NULL, NULL, ""},
	{"type", ATTR_STRING, "SecureString", 0, 0, NULL, NULL, ""},
	{"tier", ATTR_ENUM, "Standard", 0, 0, SSM_TIER, NULL, "Standard (free) or Advanced"},
	END,
};
static const char *const SSM_USAGE[] = {"monthly_api_interactions", NULL};

static const char *const NAT_USAGE[] = {"monthly_data_processed_gb", NULL};
static const char *const LB_USAGE[] = {"new_connections", "active_connections",
				       "processed_bytes_gb", "rule_evaluations",
				       "monthly_lcu_hours", NULL};
/* Simulated task-hours per copy for the month (costplan simulate); when
 * absent a service runs desired_count tasks all month. */
static const char *const ECS_USAGE[] = {"monthly_task_hours", NULL};

#define FREE(t, title) {t, title, CAT_FREE, NULL, NULL, true}

static const struct type_spec TYPES[] = {
	{"aws_ecs_service", "ECS Fargate service", CAT_COMPUTE, ECS_SERVICE, ECS_USAGE, false},
	{"aws_ecs_task_definition", "ECS task definition", CAT_FREE, ECS_TASKDEF, NULL, false},
	{"aws_ecs_cluster", "ECS cluster", CAT_OBSERVABILITY, ECS_CLUSTER, CLUSTER_USAGE, false},
	{"costplan_savings_plan", "Compute Savings Plan (not a Terraform resource)", CAT_COMPUTE,
	 SAVINGS_PLAN, NULL, false},
	{"aws_appautoscaling_target", "ECS service auto scaling target", CAT_FREE, APPAS_TARGET,
	 NULL, false},
	{"aws_appautoscaling_policy", "ECS service auto scaling policy", CAT_OBSERVABILITY,
	 APPAS_POLICY, NULL, false},
	{"aws_appautoscaling_scheduled_action", "ECS service scheduled scaling", CAT_FREE,
	 APPAS_SCHEDULED, NULL, false},
	{"aws_lb", "Application Load Balancer", CAT_NETWORK, LB, LB_USAGE, false},
	{"aws_nat_gateway", "NAT gateway", CAT_NETWORK, NAT, NAT_USAGE, false},
	{"aws_eip", "Elastic IP (public IPv4)", CAT_NETWORK, EIP, NULL, false},
	{"aws_vpc_endpoint", "VPC endpoint", CAT_NETWORK, ENDPOINT, ENDPOINT_USAGE, false},
	{"aws_data_transfer", "Data transfer", CAT_NETWORK, DATA_TRANSFER, DT_USAGE, false},
	{"aws_db_instance", "RDS PostgreSQL", CAT_DATA, DB, DB_USAGE, false},
	{"aws_elasticache_replication_group", "ElastiCache Redis", CAT_DATA, CACHE, CACHE_USAGE,
	 false},
	{"aws_s3_bucket", "S3 bucket", CAT_DATA, BUCKET, BUCKET_USAGE, false},
	{"aws_ecr_repository", "ECR repository", CAT_DATA, ECR, ECR_USAGE, false},
	{"aws_cloudwatch_log_group", "CloudWatch log group", CAT_OBSERVABILITY, LOG_GROUP,
	 LOG_USAGE, false},
	{"aws_cloudwatch_dashboard", "CloudWatch dashboard", CAT_OBSERVABILITY, DASHBOARD, NULL,
	 false},
	{"aws_cloudwatch_metric_alarm", "CloudWatch alarm", CAT_OBSERVABILITY, ALARM, NULL, false},
	{"aws_secretsmanager_secret", "Secrets Manager secret", CAT_SECURITY, SECRET, SECRET_USAGE,
	 false},
	{"aws_wafv2_web_acl", "WAF web ACL", CAT_SECURITY, WAF, WAF_USAGE, false},
	{"aws_ssm_parameter", "SSM Parameter Store parameter", CAT_SECURITY, SSM_PARAM, SSM_USAGE,
	 false},
	FREE("aws_vpc", "VPC"),
	FREE("aws_subnet", "subnet"),
	FREE("aws_route_table", "route table"),
	FREE("aws_route_table_association", "route table association"),
	FREE("aws_route", "route"),
	FREE("aws_internet_gateway", "internet gateway"),
	FREE("aws_security_group", "security group"),
	FREE("aws_security_group_rule", "security group rule"),
	FREE("aws_vpc_security_group_ingress_rule", "security group rule"),
	FREE("aws_vpc_security_group_egress_rule", "security group rule"),
	FREE("aws_iam_role", "IAM role"),
	FREE("aws_iam_policy", "IAM policy"),
	FREE("aws_iam_role_policy", "IAM role policy"),
	FREE("aws_iam_role_policy_attachment", "IAM policy attachment"),
	FREE("aws_acm_certificate", "ACM public certificate"),
	FREE("aws_acm_certificate_validation", "ACM validation"),
	FREE("aws_lb_listener", "ALB listener"),
	FREE("aws_lb_listener_rule", "ALB listener rule"),
	FREE("aws_lb_target_group", "ALB target group"),
	FREE("aws_db_subnet_group", "DB subnet group"),
	FREE("aws_db_parameter_group", "DB parameter group"),
	FREE("aws_elasticache_subnet_group", "cache subnet group"),
	FREE("aws_ecr_lifecycle_policy", "ECR lifecycle policy"),
	FREE("aws_s3_bucket_versioning", "S3 bucket setting"),
	FREE("aws_s3_bucket_public_access_block", "S3 bucket setting"),
	FREE("aws_s3_bucket_server_side_encryption_configuration", "S3 bucket setting"),
	FREE("aws_secretsmanager_secret_version", "secret version"),
	FREE("aws_wafv2_web_acl_association", "WAF association"),
	FREE("aws_vpc_endpoint_route_table_association", "endpoint route"),
	FREE("aws_kms_key", "KMS key (not priced)"),
	{NULL, NULL, CAT_FREE, NULL, NULL, false},
};

const struct type_spec *schema_type(const char *type)
{
	for (const struct type_spec *t = TYPES; type && t->type; t++)
		if (strcmp(t->type, type) == 0)
			return t;
	return NULL;
}

const struct type_spec *schema_types(void)
{
	return TYPES;
}

const struct attr_spec *schema_attr(const struct type_spec *t, const char *name)
{
	for (const struct attr_spec *a = t->attrs; a && a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

bool schema_usage_key(const struct type_spec *t, const char *key)
{
	for (const char *const *u = t->usage; u && *u; u++)
		if (strcmp(*u, key) == 0)
			return true;
	return false;
}

const char *category_name(enum category c)
{
	static const char *const names[] = {"compute",       "network",  "data",
					    "observability", "security", "free"};
	return (unsigned)c < sizeof(names) / sizeof(names[0]) ? names[c] : "other";
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 64 || m > 64)
		return 64;
	size_t prev[65], cur[65];
	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof(size_t) * (m + 1));
	}
	return prev[m];
}

const char *nearest_word(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (const char *const *c = candidates; c && *c; c++) {
		size_t d = edit_distance(word, *c);
		if (d < bestd) {
			bestd = d;
			best = *c;
		}
	}
	size_t len = strlen(word);
	size_t limit = len < 6 ? 2 : len / 3 + 1;
	return best && bestd <= limit ? best : NULL;
}

bool fargate_size_valid(long cpu, long mem)
{
	/* AWS Fargate task size table (ECS developer guide, "Task CPU and memory"). */
	switch (cpu) {
	case 256:
		return mem == 512 || mem == 1024 || mem == 2048;
	case 512:
		return mem >= 1024 && mem <= 4096 && mem % 1024 == 0;
	case 1024:
		return mem >= 2048 && mem <= 8192 && mem % 1024 == 0;
	case 2048:
		return mem >= 4096 && mem <= 16384 && mem % 1024 == 0;
	case 4096:
		return mem >= 8192 && mem <= 30720 && mem % 1024 == 0;
	case 8192:
		return mem >= 16384 && mem <= 61440 && mem % 4096 == 0;
	case 16384:
		return mem >= 32768 && mem <= 122880 && mem % 8192 == 0;
	default:
		return false;
	}
}
