#!/usr/bin/env python3
"""make-plans.py - write the issue-16 edge plans: tests/data/plans/edge-*.json.

Each file has the shape `terraform show -json` gives (format 1.2,
Terraform 1.9): resource_changes with before/after/after_unknown, the
configuration with the provider's region, planned_values. Attribute sets
follow the AWS provider's schemas, abridged to what matters plus typical
neighbours. Run it again after editing; the JSON files are committed.
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "plans")
AWS = "registry.terraform.io/hashicorp/aws"
ACCT = "123456789012"
R = "us-east-1"


def arn(svc, rest, region=R):
    return f"arn:aws:{svc}:{region}:{ACCT}:{rest}"


def rc(rtype, name, after, unknown=None, actions=("create",), before=None):
    return {"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
            "provider_name": AWS,
            "change": {"actions": list(actions), "before": before, "after": after,
                       "after_unknown": unknown or {},
                       "before_sensitive": {} if before is not None else False,
                       "after_sensitive": {}}}


def cfg(rtype, name, refs=None):
    ex = {k: {"references": v} for k, v in (refs or {}).items()}
    return {"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
            "provider_config_key": "aws", "expressions": ex, "schema_version": 0}


def plan(changes, configs):
    res = []
    for c in changes:
        a = c["change"]["after"]
        if a is not None:
            res.append({"address": c["address"], "mode": "managed", "type": c["type"],
                        "name": c["name"], "provider_name": AWS, "schema_version": 0,
                        "values": a, "sensitive_values": {}})
    return {"format_version": "1.2", "terraform_version": "1.9.8",
            "planned_values": {"root_module": {"resources": res}},
            "resource_changes": changes,
            "configuration": {"provider_config": {"aws": {
                "name": "aws", "full_name": AWS,
                "expressions": {"region": {"constant_value": R}}}},
                "root_module": {"resources": configs}},
            "timestamp": "2026-11-20T10:00:00Z", "applyable": True, "complete": True,
            "errored": False}


def write(name, doc):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


# ---- load balancers ----------------------------------------------------------

def lb(name, lbtype, subnets, eips=(), internal=False, rtype="aws_lb"):
    mapping = []
    for i, s in enumerate(subnets):
        mapping.append({"subnet_id": s, "allocation_id": eips[i] if i < len(eips) else "",
                        "ipv6_address": "", "private_ipv4_address": ""})
    short = {"application": "app", "network": "net", "gateway": "gwy"}[lbtype]
    return {"name": name, "internal": internal, "load_balancer_type": lbtype,
            "subnets": list(subnets), "subnet_mapping": mapping,
            "security_groups": [] if lbtype != "application" else ["sg-0alb"],
            "enable_deletion_protection": False, "enable_cross_zone_load_balancing": False,
            "ip_address_type": "ipv4",
            "arn": arn("elasticloadbalancing", f"loadbalancer/{short}/{name}/50dc6c495c0c9188"),
            "tags": {}}


def lb_plan():
    ch = [
        # static addresses: three AZs, two with an Elastic IP
        rc("aws_lb", "ingress", lb("ingress", "network", ["subnet-a", "subnet-b", "subnet-c"],
                                   ["eipalloc-01", "eipalloc-02"])),
        rc("aws_eip", "ingress_a", {"domain": "vpc", "tags": {}}, {"id": True, "public_ip": True}),
        rc("aws_eip", "ingress_b", {"domain": "vpc", "tags": {}}, {"id": True, "public_ip": True}),
        rc("aws_lb", "inspection", lb("inspection", "gateway", ["subnet-a", "subnet-b"])),
        # the old name, an ALB whose subnets are known only after apply
        rc("aws_alb", "legacy", dict(lb("legacy", "application", []), subnets=None,
                                     subnet_mapping=[]),
           {"subnets": True, "arn": True}),
        # an internal NLB in one AZ
        rc("aws_lb", "private", lb("private", "network", ["subnet-p"], internal=True)),
        # the old names of the free companions
        rc("aws_alb_listener", "https", {"port": 443, "protocol": "HTTPS",
                                          "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                                          "default_action": [{"type": "forward"}], "tags": {}},
           {"arn": True, "id": True, "load_balancer_arn": True}),
        rc("aws_alb_target_group", "app", {"name": "app", "port": 8000, "protocol": "HTTP",
                                           "target_type": "ip", "vpc_id": "vpc-0a1", "tags": {}},
           {"arn": True, "id": True}),
        rc("aws_lb_target_group_attachment", "node", {"port": 8000, "target_id": "10.0.1.10"},
           {"id": True, "target_group_arn": True}),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-lb.json", plan(ch, configs))


# ---- messaging -----------------------------------------------------------------

def queue(name, fifo=False):
    return {"name": name, "fifo_queue": fifo, "content_based_deduplication": fifo,
            "delay_seconds": 0, "max_message_size": 262144, "message_retention_seconds": 345600,
            "receive_wait_time_seconds": 20, "visibility_timeout_seconds": 60,
            "sqs_managed_sse_enabled": True, "tags": {}}


def topic(name, fifo=False):
    return {"name": name, "fifo_topic": fifo, "content_based_deduplication": False,
            "delivery_policy": None, "kms_master_key_id": "", "tags": {}}


def messaging_plan():
    ch = [
        rc("aws_sqs_queue", "jobs", queue("jobs.fifo", True),
           {"arn": True, "id": True, "url": True}),
        rc("aws_sqs_queue", "dead_letters", queue("dead-letters"),
           {"arn": True, "id": True, "url": True}),
        rc("aws_sns_topic", "events", topic("events"), {"arn": True, "id": True}),
        rc("aws_sns_topic_subscription", "webhook",
           {"protocol": "https", "endpoint": "https://hooks.example.com/events",
            "raw_message_delivery": False}, {"arn": True, "id": True, "topic_arn": True}),
        rc("aws_sqs_queue_redrive_policy", "jobs", {"redrive_policy": None},
           {"queue_url": True, "redrive_policy": True, "id": True}),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-messaging.json", plan(ch, configs))


# ---- DynamoDB ----------------------------------------------------------------------

def table(name, mode, rcu=None, wcu=None, gsis=(), table_class="", pitr=False, stream=False,
          replicas=()):
    return {"name": name, "billing_mode": mode, "hash_key": "pk", "range_key": "sk",
            "read_capacity": rcu, "write_capacity": wcu,
            "attribute": [{"name": "pk", "type": "S"}, {"name": "sk", "type": "S"}],
            "global_secondary_index": [
                {"name": g[0], "hash_key": "sk", "range_key": "", "projection_type": "ALL",
                 "non_key_attributes": [], "read_capacity": g[1], "write_capacity": g[2]}
                for g in gsis],
            "local_secondary_index": [],
            "point_in_time_recovery": [{"enabled": pitr}],
            "server_side_encryption": [], "stream_enabled": stream,
            "stream_view_type": "NEW_AND_OLD_IMAGES" if stream else "",
            "table_class": table_class, "deletion_protection_enabled": False,
            "replica": [{"region_name": r, "kms_key_arn": "", "point_in_time_recovery": False,
                         "propagate_tags": False} for r in replicas],
            "ttl": [], "tags": {}}


def dynamodb_plan():
    ch = [
        rc("aws_dynamodb_table", "sessions",
           table("sessions", "PAY_PER_REQUEST", pitr=True, stream=True),
           {"arn": True, "id": True, "stream_arn": True, "stream_label": True}),
        # provisioned, two GSIs: their capacity is billed beside the table's
        rc("aws_dynamodb_table", "catalog",
           table("catalog", "PROVISIONED", 10, 5, gsis=[("by_sku", 15, 3), ("by_brand", 5, 2)]),
           {"arn": True, "id": True}),
        # an update: the table moves to Standard-IA, with a replica in another region
        rc("aws_dynamodb_table", "archive",
           table("archive", "PAY_PER_REQUEST", table_class="STANDARD_INFREQUENT_ACCESS",
                 replicas=["eu-west-1"]),
           {}, actions=("update",),
           before=dict(table("archive", "PAY_PER_REQUEST", table_class="STANDARD"),
                       arn=arn("dynamodb", "table/archive"), id="archive")),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-dynamodb.json", plan(ch, configs))


# ---- S3 ------------------------------------------------------------------------------

def bucket(name):
    return {"bucket": name, "bucket_prefix": "", "force_destroy": False,
            "object_lock_enabled": False, "tags": {}}


def s3_plan():
    ch = [
        rc("aws_s3_bucket", "backups", bucket("acme-backups"),
           {"arn": True, "id": True, "bucket_domain_name": True, "region": True}),
        rc("aws_s3_bucket", "media", bucket("acme-media"),
           {"arn": True, "id": True, "bucket_domain_name": True, "region": True}),
        rc("aws_s3_bucket_lifecycle_configuration", "backups",
           {"rule": [{"id": "age-out", "status": "Enabled",
                      "transition": [{"days": 30, "storage_class": "STANDARD_IA", "date": None},
                                     {"days": 180, "storage_class": "DEEP_ARCHIVE", "date": None}],
                      "expiration": [], "filter": [{"prefix": ""}]}]},
           {"bucket": True, "id": True}),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-s3.json", plan(ch, configs))


# ---- CloudFront and Route 53 -----------------------------------------------------

def distribution(price_class):
    return {"enabled": True, "comment": "app", "price_class": price_class,
            "aliases": ["app.example.com"], "default_root_object": "index.html",
            "http_version": "http2", "is_ipv6_enabled": True, "retain_on_delete": False,
            "origin": [{"domain_name": "app-alb-123.us-east-1.elb.amazonaws.com",
                        "origin_id": "alb", "origin_path": "", "connection_attempts": 3,
                        "connection_timeout": 10, "custom_header": [],
                        "custom_origin_config": [{"http_port": 80, "https_port": 443,
                                                  "origin_protocol_policy": "https-only",
                                                  "origin_ssl_protocols": ["TLSv1.2"]}],
                        "origin_shield": [], "s3_origin_config": []}],
            "default_cache_behavior": [{"target_origin_id": "alb",
                                        "viewer_protocol_policy": "redirect-to-https",
                                        "allowed_methods": ["GET", "HEAD"],
                                        "cached_methods": ["GET", "HEAD"], "compress": True}],
            "restrictions": [{"geo_restriction": [{"restriction_type": "none", "locations": []}]}],
            "viewer_certificate": [{"acm_certificate_arn": arn("acm", "certificate/abc"),
                                    "cloudfront_default_certificate": False,
                                    "minimum_protocol_version": "TLSv1.2_2021",
                                    "ssl_support_method": "sni-only"}],
            "logging_config": [], "tags": {}}


def record(name, rtype="A", alias=None, latency=None, records=None):
    return {"name": name, "type": rtype, "zone_id": "Z0123456789ABCDEFGHIJ", "ttl": None if alias else 300,
            "records": records, "alias": [alias] if alias else [],
            "latency_routing_policy": [{"region": latency}] if latency else [],
            "geolocation_routing_policy": [], "geoproximity_routing_policy": [],
            "weighted_routing_policy": [], "failover_routing_policy": [],
            "set_identifier": latency or "", "health_check_id": "",
            "allow_overwrite": None}


def cdn_plan():
    ch = [
        rc("aws_cloudfront_distribution", "web", distribution("PriceClass_200"),
           {"arn": True, "id": True, "domain_name": True, "hosted_zone_id": True}),
        rc("aws_cloudfront_origin_access_control", "assets",
           {"name": "assets", "description": "", "origin_access_control_origin_type": "s3",
            "signing_behavior": "always", "signing_protocol": "sigv4"},
           {"id": True, "etag": True}),
        rc("aws_route53_zone", "main", {"name": "example.com", "comment": "Managed by Terraform",
                                        "force_destroy": False, "vpc": [], "tags": {}},
           {"zone_id": True, "name_servers": True, "arn": True}),
        # an alias to the distribution, whose DNS name is known after apply: free
        rc("aws_route53_record", "app",
           record("app.example.com", alias={"name": None, "zone_id": None,
                                            "evaluate_target_health": False}),
           {"alias": [{"name": True, "zone_id": True}], "fqdn": True, "id": True}),
        # an alias to another record of the zone: billed
        rc("aws_route53_record", "www",
           record("www.example.com", alias={"name": "app.example.com",
                                            "zone_id": "Z0123456789ABCDEFGHIJ",
                                            "evaluate_target_health": False}),
           {"fqdn": True, "id": True}),
        rc("aws_route53_record", "api", record("api.example.com", "CNAME",
                                               records=["api.example.net"]),
           {"fqdn": True, "id": True}),
        rc("aws_route53_record", "eu", record("eu.example.com", latency="eu-west-1",
                                              records=["203.0.113.7"]),
           {"fqdn": True, "id": True}),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-cdn.json", plan(ch, configs))


# ---- API Gateway ----------------------------------------------------------------

def api_plan():
    v2 = lambda name, proto: {"name": name, "protocol_type": proto, "description": "",
                              "route_selection_expression": "$request.method $request.path"
                              if proto == "HTTP" else "$request.body.action",
                              "cors_configuration": [], "disable_execute_api_endpoint": False,
                              "tags": {}}
    ch = [
        rc("aws_apigatewayv2_api", "http", v2("public-api", "HTTP"),
           {"api_endpoint": True, "arn": True, "execution_arn": True, "id": True}),
        rc("aws_apigatewayv2_api", "live", v2("live-updates", "WEBSOCKET"),
           {"api_endpoint": True, "arn": True, "execution_arn": True, "id": True}),
        rc("aws_api_gateway_rest_api", "legacy",
           {"name": "legacy-api", "description": "", "api_key_source": "HEADER",
            "endpoint_configuration": [{"types": ["REGIONAL"]}],
            "minimum_compression_size": "", "tags": {}},
           {"arn": True, "id": True, "root_resource_id": True, "execution_arn": True}),
        rc("aws_apigatewayv2_stage", "default", {"name": "$default", "auto_deploy": True,
                                                 "default_route_settings": [], "tags": {}},
           {"api_id": True, "arn": True, "id": True, "invoke_url": True}),
        rc("aws_apigatewayv2_route", "any", {"route_key": "ANY /{proxy+}",
                                             "authorization_type": "NONE"},
           {"api_id": True, "id": True, "target": True}),
        rc("aws_apigatewayv2_integration", "alb", {"integration_type": "HTTP_PROXY",
                                                   "integration_method": "ANY",
                                                   "payload_format_version": "1.0"},
           {"api_id": True, "id": True, "integration_uri": True}),
        # a REST stage with a 0.5 GB cache: its cache-hours have no snapshot price
        rc("aws_api_gateway_stage", "prod", {"stage_name": "prod", "cache_cluster_enabled": True,
                                             "cache_cluster_size": "0.5", "xray_tracing_enabled": False,
                                             "tags": {}},
           {"arn": True, "id": True, "invoke_url": True, "rest_api_id": True,
            "deployment_id": True}),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-api.json", plan(ch, configs))


# ---- KMS and alarms -------------------------------------------------------------

def key(spec="SYMMETRIC_DEFAULT", usage="ENCRYPT_DECRYPT", rotation=False):
    return {"description": "", "customer_master_key_spec": spec, "key_usage": usage,
            "enable_key_rotation": rotation, "rotation_period_in_days": 365 if rotation else None,
            "is_enabled": True, "multi_region": False, "deletion_window_in_days": 30,
            "bypass_policy_lockout_safety_check": False, "tags": {}}


def alarm(name, **kw):
    v = {"alarm_name": name, "comparison_operator": "GreaterThanOrEqualToThreshold",
         "evaluation_periods": 3, "metric_name": "CPUUtilization", "namespace": "AWS/ECS",
         "period": 60, "statistic": "Average", "threshold": 80, "metric_query": [],
         "threshold_metric_id": "", "alarm_actions": [], "actions_enabled": True,
         "treat_missing_data": "missing", "tags": {}}
    v.update(kw)
    return v


def metric(mid, name, period=60, ret=False):
    return {"id": mid, "expression": "", "label": "", "return_data": ret, "account_id": "",
            "period": 0,
            "metric": [{"metric_name": name, "namespace": "AWS/ApplicationELB", "period": period,
                        "stat": "Sum", "unit": "", "dimensions": {"LoadBalancer": "app/app/1"}}]}


def expression(mid, expr, ret=True):
    return {"id": mid, "expression": expr, "label": "", "return_data": ret, "account_id": "",
            "period": 0, "metric": []}


def kms_alarms_plan():
    ch = [
        rc("aws_kms_key", "data", key(rotation=True), {"arn": True, "key_id": True, "id": True}),
        rc("aws_kms_key", "signing", key("RSA_2048", "SIGN_VERIFY"),
           {"arn": True, "key_id": True, "id": True}),
        rc("aws_kms_key", "tokens", key("ECC_NIST_P256", "SIGN_VERIFY"),
           {"arn": True, "key_id": True, "id": True}),
        rc("aws_cloudwatch_metric_alarm", "cpu_high", alarm("cpu-high"), {"arn": True, "id": True}),
        rc("aws_cloudwatch_metric_alarm", "latency_fast",
           alarm("p99-latency", period=10, metric_name="TargetResponseTime"),
           {"arn": True, "id": True}),
        # metric math over two metrics at 30 seconds: high resolution, 2 metrics
        rc("aws_cloudwatch_metric_alarm", "error_rate",
           alarm("5xx-rate", metric_name="", namespace="", period=0, statistic="",
                 metric_query=[metric("errors", "HTTPCode_Target_5XX_Count", 30),
                               metric("requests", "RequestCount", 30),
                               expression("rate", "errors / requests * 100")]),
           {"arn": True, "id": True}),
        # anomaly detection: one metric and its band, 3 alarm metrics
        rc("aws_cloudwatch_metric_alarm", "traffic_band",
           alarm("traffic-anomaly", comparison_operator="LessThanLowerOrGreaterThanUpperThreshold",
                 metric_name="", namespace="", period=0, statistic="", threshold=None,
                 threshold_metric_id="band",
                 metric_query=[metric("m1", "RequestCount", 300, ret=True),
                               expression("band", "ANOMALY_DETECTION_BAND(m1, 2)")]),
           {"arn": True, "id": True}),
    ]
    configs = [cfg(c["type"], c["name"]) for c in ch]
    write("edge-kms-alarms.json", plan(ch, configs))


if __name__ == "__main__":
    lb_plan()
    messaging_plan()
    dynamodb_plan()
    s3_plan()
    cdn_plan()
    api_plan()
    kms_alarms_plan()
