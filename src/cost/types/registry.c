/*
 * registry.c - the one table of resource types.
 *
 * Adding a type: write its file in this folder (src/README.md shows how)
 * and add one line to RESOURCE_TYPES below. The order is the order
 * `costplan types` lists them; the free types (free.c) come last.
 */
#include "cost/types/registry.h"

#include <stddef.h>

#include "model/schema.h"

#define RESOURCE_TYPES(X) \
	X(aws_ecs_service) \
	X(aws_ecs_task_set) \
	X(aws_ecs_task_definition) \
	X(aws_ecs_cluster) \
	X(costplan_savings_plan) \
	X(aws_appautoscaling_target) \
	X(aws_appautoscaling_policy) \
	X(aws_appautoscaling_scheduled_action) \
	X(aws_lb) \
	X(aws_nat_gateway) \
	X(aws_eip) \
	X(aws_vpc_endpoint) \
	X(aws_data_transfer) \
	X(aws_db_instance) \
	X(aws_rds_cluster) \
	X(aws_rds_cluster_instance) \
	X(aws_elasticache_replication_group) \
	X(aws_elasticache_cluster) \
	X(aws_elasticache_serverless_cache) \
	X(aws_instance) \
	X(aws_ebs_volume) \
	X(aws_volume_attachment) \
	X(aws_lambda_function) \
	X(aws_autoscaling_group) \
	X(aws_launch_template) \
	X(aws_s3_bucket) \
	X(aws_ecr_repository) \
	X(aws_cloudwatch_log_group) \
	X(aws_cloudwatch_dashboard) \
	X(aws_cloudwatch_metric_alarm) \
	X(aws_secretsmanager_secret) \
	X(aws_wafv2_web_acl) \
	X(aws_ssm_parameter) \
	X(aws_kms_key) \
	/* issue 16: network, edge, data and messaging */ \
	X(aws_alb) \
	X(aws_cloudfront_distribution) \
	X(aws_route53_zone) \
	X(aws_route53_record) \
	X(aws_apigatewayv2_api) \
	X(aws_api_gateway_rest_api) \
	X(aws_dynamodb_table) \
	X(aws_sqs_queue) \
	X(aws_sns_topic) \
	X(aws_api_gateway_stage) \
	/* ... and their free settings and attachments */ \
	X(aws_alb_listener) \
	X(aws_alb_listener_rule) \
	X(aws_alb_target_group) \
	X(aws_lb_target_group_attachment) \
	X(aws_cloudfront_origin_access_control) \
	X(aws_cloudfront_origin_access_identity) \
	X(aws_cloudfront_cache_policy) \
	X(aws_apigatewayv2_stage) \
	X(aws_apigatewayv2_route) \
	X(aws_apigatewayv2_integration) \
	X(aws_apigatewayv2_domain_name) \
	X(aws_apigatewayv2_api_mapping) \
	X(aws_api_gateway_resource) \
	X(aws_api_gateway_method) \
	X(aws_api_gateway_integration) \
	X(aws_api_gateway_deployment) \
	X(aws_sqs_queue_policy) \
	X(aws_sqs_queue_redrive_policy) \
	X(aws_sns_topic_subscription) \
	X(aws_sns_topic_policy) \
	X(aws_s3_bucket_lifecycle_configuration) \
	X(aws_s3_bucket_policy) \
	X(aws_s3_bucket_ownership_controls) \
	X(aws_s3_bucket_cors_configuration)

#define DECLARE(t) extern const struct type_spec t##_type;
#define ENTRY(t) &t##_type,

RESOURCE_TYPES(DECLARE)
extern const struct type_spec FREE_TYPES[];

static const struct type_spec *const PRICED[] = {RESOURCE_TYPES(ENTRY) NULL};

/* Room for every type: the priced ones and the free ones. */
#define MAX_TYPES 512

void resource_types_install(void)
{
	static const struct type_spec *all[MAX_TYPES + 1];
	size_t k = 0;
	for (size_t i = 0; PRICED[i] && k < MAX_TYPES; i++)
		all[k++] = PRICED[i];
	for (const struct type_spec *t = FREE_TYPES; t->type && k < MAX_TYPES; t++)
		all[k++] = t;
	all[k] = NULL;
	schema_install(all);
}
