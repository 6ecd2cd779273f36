/*
 * free.c - resource types AWS does not charge for, each with the reason.
 *
 * They are listed so a scenario or plan can name them: the breakdown shows
 * them as considered and free, never as "not priced". Any attribute is
 * accepted (costplan reads none of them); count still multiplies. A type
 * that costs money must never be added here to make it go away: give it a
 * type file of its own instead, or leave it "not priced" with the reason.
 */
#include "cost/types/common.h"

#define FREE(t, title_, why) {.type = t, .title = title_, .category = CAT_FREE, .open = true, \
			       .free_reason = why}

#define NETWORK_CONFIG "VPC networking configuration is free; traffic through it is billed " \
		       "where it flows (NAT gateway, load balancer, data transfer)"
#define IAM "IAM is a feature of every AWS account, offered at no additional charge"
#define ATTACHMENT "an attachment or setting of another resource, which carries the cost"

const struct type_spec FREE_TYPES[] = {
	FREE("aws_vpc", "VPC", NETWORK_CONFIG),
	FREE("aws_subnet", "subnet", NETWORK_CONFIG),
	FREE("aws_route_table", "route table", NETWORK_CONFIG),
	FREE("aws_route_table_association", "route table association", NETWORK_CONFIG),
	FREE("aws_route", "route", NETWORK_CONFIG),
	FREE("aws_internet_gateway", "internet gateway",
	     "internet gateways have no hourly charge; data transfer out is billed"),
	FREE("aws_security_group", "security group", NETWORK_CONFIG),
	FREE("aws_security_group_rule", "security group rule", NETWORK_CONFIG),
	FREE("aws_vpc_security_group_ingress_rule", "security group rule", NETWORK_CONFIG),
	FREE("aws_vpc_security_group_egress_rule", "security group rule", NETWORK_CONFIG),
	FREE("aws_iam_role", "IAM role", IAM),
	FREE("aws_iam_policy", "IAM policy", IAM),
	FREE("aws_iam_role_policy", "IAM role policy", IAM),
	FREE("aws_iam_role_policy_attachment", "IAM policy attachment", IAM),
	FREE("aws_acm_certificate", "ACM public certificate",
	     "public certificates from ACM are free (AWS Certificate Manager pricing page)"),
	FREE("aws_acm_certificate_validation", "ACM validation",
	     "validation is part of the free public certificate"),
	FREE("aws_lb_listener", "ALB listener", "billed through the load balancer's hours and LCUs"),
	{.type = "aws_lb_listener_rule", .title = "ALB listener rule", .category = CAT_FREE,
	 .open = true, .free_reason = "billed through the load balancer's LCUs (rule evaluations)",
	 .sim_role = SIM_LB_RULE},
	FREE("aws_lb_target_group", "ALB target group",
	     "billed through the load balancer's hours and LCUs"),
	FREE("aws_db_subnet_group", "DB subnet group", ATTACHMENT),
	FREE("aws_db_parameter_group", "DB parameter group", ATTACHMENT),
	FREE("aws_elasticache_subnet_group", "cache subnet group", ATTACHMENT),
	FREE("aws_ecr_lifecycle_policy", "ECR lifecycle policy", ATTACHMENT),
	FREE("aws_s3_bucket_versioning", "S3 bucket setting",
	     "a bucket setting; the stored versions are billed as the bucket's storage"),
	FREE("aws_s3_bucket_public_access_block", "S3 bucket setting", ATTACHMENT),
	FREE("aws_s3_bucket_server_side_encryption_configuration", "S3 bucket setting",
	     "SSE-S3 encryption is free; SSE-KMS requests are billed to the KMS key"),
	FREE("aws_secretsmanager_secret_version", "secret version",
	     "versions are part of the secret's monthly price"),
	FREE("aws_wafv2_web_acl_association", "WAF association", ATTACHMENT),
	FREE("aws_vpc_endpoint_route_table_association", "endpoint route", ATTACHMENT),
	FREE("aws_eip_association", "Elastic IP association",
	     "the address is billed on the aws_eip, associated or not"),
	FREE("aws_wafv2_ip_set", "WAF IP set", "billed through the rules of the web ACL using it"),
	FREE("aws_ecs_cluster_capacity_providers", "ECS cluster capacity providers", ATTACHMENT),
	FREE("aws_kms_alias", "KMS alias", "aliases are free; the key is billed"),
	{.type = NULL},
};
