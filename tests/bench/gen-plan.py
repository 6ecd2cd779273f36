#!/usr/bin/env python3
"""gen-plan.py N SEED OUT - a `terraform show -json` plan of N resource
instances for the diff benchmark: ECS services with their task
definitions, NAT gateways and Elastic IPs, log groups, secrets, security
groups (free) and SQS queues (not priced), spread over 50 modules with count
and for_each, every one with a configuration block and references. SEED
varies desired counts and sizes so two plans differ."""
import json, random, sys

n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(seed)
AWS = "registry.terraform.io/hashicorp/aws"
changes, modcfg = [], {}
kinds = ["td", "svc", "nat", "eip", "log", "secret", "sg", "sqs"]
i = 0
while len(changes) < n:
    m = f"app{i % 50}"
    mod = f'module.{m}["k{i // 50}"]'
    k = kinds[i % len(kinds)]
    idx = i // len(kinds)
    def add(t, name, after, unknown=None):
        changes.append({"address": f"{mod}.{t}.{name}[{idx}]", "module_address": mod, "mode": "managed",
                        "type": t, "name": name, "index": idx, "provider_name": AWS,
                        "change": {"actions": ["create"] if seed % 2 else ["no-op"],
                                   "before": None if seed % 2 else after, "after": after,
                                   "after_unknown": unknown or {}, "before_sensitive": False,
                                   "after_sensitive": {}}})
        modcfg.setdefault(m, {})[(t, name)] = 1
    if k == "td":
        add("aws_ecs_task_definition", "app", {"family": f"f{i}", "cpu": rnd.choice(["256", "512", "1 vCPU"]),
            "memory": "2048", "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"],
            "container_definitions": "[{\"name\":\"app\",\"image\":\"app:1\"}]", "runtime_platform": [],
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
