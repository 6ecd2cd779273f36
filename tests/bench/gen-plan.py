#!/usr/bin/env python3
"""gen-plan.py N SEED OUT [wide] - a `terraform show -json` plan of N resource
instances for the diff benchmark: ECS services with their task
definitions, NAT gateways and Elastic IPs, log groups, secrets, security
groups (free) and SQS queues (not priced), spread over 50 modules with count
and for_each, every one with a configuration block and references. SEED
varies desired counts and sizes so two plans differ.

With "wide" (the catalog benchmark), the mix is lookup-heavy and spread over
the snapshot's 14 regions through each resource's `region` argument:
PostgreSQL aws_db_instance of every class the pricer takes, Single- and
Multi-AZ, gp2/gp3; aws_elasticache_replication_group (Redis and Valkey);
application aws_lb; aws_ecs_service with its Fargate task definition (x86
and ARM); log groups; secrets; aws_nat_gateway only in the regions whose NAT
price the snapshot has (us-east-1, eu-west-1, ap-southeast-1)."""
import json, random, sys

n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
wide = len(sys.argv) > 4 and sys.argv[4] == "wide"
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
           "eu-north-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-south-1", "ca-central-1",
           "sa-east-1"]
NAT_REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-1"]
DB_CLASSES = ["db.t3.micro", "db.t3.small", "db.t3.medium", "db.r7g.large", "db.t4g.micro", "db.t4g.small"]
CACHE_NODES = ["cache.t3.micro", "cache.t3.small", "cache.t4g.micro", "cache.t4g.small"]
rnd = random.Random(seed)
AWS = "registry.terraform.io/hashicorp/aws"
changes, modcfg = [], {}
kinds = ["td", "svc", "nat", "eip", "log", "secret", "sg", "sqs"]
if wide:
    kinds = ["db", "cache", "td", "svc", "lb", "db", "nat", "log", "secret", "cache"]
i = 0
while len(changes) < n:
    m = f"app{i % 50}"
    mod = f'module.{m}["k{i // 50}"]'
    k = kinds[i % len(kinds)]
    idx = i // len(kinds)
    region = REGIONS[(i // len(kinds)) % len(REGIONS)] if wide else None  # a service and its task definition share one
    def add(t, name, after, unknown=None):
        if region:
            after = dict(after, region=region)
        changes.append({"address": f"{mod}.{t}.{name}[{idx}]", "module_address": mod, "mode": "managed",
                        "type": t, "name": name, "index": idx, "provider_name": AWS,
                        "change": {"actions": ["create"] if seed % 2 else ["no-op"],
                                   "before": None if seed % 2 else after, "after": after,
                                   "after_unknown": unknown or {}, "before_sensitive": False,
                                   "after_sensitive": {}}})
        modcfg.setdefault(m, {})[(t, name)] = 1
    if k == "db":
        add("aws_db_instance", "db", {"engine": "postgres", "instance_class": rnd.choice(DB_CLASSES),
            "multi_az": rnd.random() < 0.5, "allocated_storage": rnd.choice([20, 50, 100, 500]),
            "storage_type": rnd.choice(["gp2", "gp3"]), "backup_retention_period": rnd.choice([0, 7])})
    elif k == "cache":
        add("aws_elasticache_replication_group", "cache", {"engine": rnd.choice(["redis", "valkey"]),
            "node_type": rnd.choice(CACHE_NODES), "num_cache_clusters": rnd.randint(1, 3),
            "snapshot_retention_limit": 0})
    elif k == "lb":
        add("aws_lb", "alb", {"load_balancer_type": "application", "internal": False,
            "subnets": ["subnet-1", "subnet-2"]})
    elif k == "nat" and wide:
        region = NAT_REGIONS[i % len(NAT_REGIONS)]
        add("aws_nat_gateway", "this", {"connectivity_type": "public", "allocation_id": "eipalloc-1", "subnet_id": "subnet-1"})
    elif k == "td":
        add("aws_ecs_task_definition", "app", {"family": f"f{i}", "cpu": rnd.choice(["256", "512", "1 vCPU"]),
            "memory": "2048", "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"],
            "container_definitions": "[{\"name\":\"app\",\"image\":\"app:1\"}]",
            "runtime_platform": [{"cpu_architecture": rnd.choice(["X86_64", "ARM64"]), "operating_system_family": "LINUX"}] if wide else [],
            "arn": f"arn:aws:ecs:us-east-1:123456789012:task-definition/f{i}:1"})
    elif k == "svc":
        add("aws_ecs_service", "app", {"name": f"s{i}", "desired_count": rnd.randint(1, 4),
            "launch_type": "FARGATE", "task_definition": f"arn:aws:ecs:us-east-1:123456789012:task-definition/f{i-1}:1",
            "network_configuration": [{"assign_public_ip": False, "subnets": ["subnet-1"], "security_groups": ["sg-1"]}],
            "capacity_provider_strategy": [], "load_balancer": []})
    elif k == "nat":
        add("aws_nat_gateway", "this", {"connectivity_type": "public", "allocation_id": "eipalloc-1", "subnet_id": "subnet-1"})
    elif k == "eip":
        add("aws_eip", "this", {"domain": "vpc"})
    elif k == "log":
        add("aws_cloudwatch_log_group", "this", {"name": f"/ecs/{i}", "retention_in_days": rnd.choice([7, 14, 30])})
    elif k == "secret":
        add("aws_secretsmanager_secret", "this", {"name": f"s/{i}"}, {"arn": True})
    elif k == "sg":
        add("aws_security_group", "this", {"name": f"sg{i}", "ingress": [], "egress": []})
    else:
        add("aws_sqs_queue", "this", {"name": f"q{i}"})
    i += 1
calls = {}
for m, res in modcfg.items():
    calls[m] = {"source": "./modules/app", "module": {"resources": [
        {"address": f"{t}.{name}", "mode": "managed", "type": t, "name": name,
         "provider_config_key": f"module.{m}:aws",
         "expressions": {"task_definition": {"references": ["aws_ecs_task_definition.app.arn"]}} if t == "aws_ecs_service" else {}}
        for (t, name) in res]}}
doc = {"format_version": "1.2", "terraform_version": "1.9.8",
       "variables": {"region": {"value": "us-east-1"}},
       "resource_changes": changes,
       "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}}},
                         "root_module": {"module_calls": calls}}}
with open(out, "w") as f:
    json.dump(doc, f, indent=2)
