#!/usr/bin/env python3
"""tf-gen.py OUT_HCL OUT_JSON [FILES] - a Terraform configuration for the
tf-dir benchmark, written twice: in native syntax under OUT_HCL and as
.tf.json under OUT_JSON, the same blocks in each.

About 5,000 resource instances in 200 files: 194 root files, each with
locals, a module call with for_each over four services (a task definition,
a service, a log group and a secret each), security groups with count,
secrets and alarms with for_each, and a queue; a shared variables file;
and two modules (service, network) of five files in all."""
import json, os, sys

out_hcl, out_json = sys.argv[1], sys.argv[2]
root_files = int(sys.argv[3]) if len(sys.argv) > 3 else 194


def write(base, rel, text):
    path = os.path.join(base, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def both(rel, hcl, js):
    write(out_hcl, rel + ".tf", hcl)
    write(out_json, rel + ".tf.json", json.dumps(js, indent=2) + "\n")


# ---- shared ----------------------------------------------------------------
both("variables", '''variable "region" {
  type    = string
  default = "us-east-1"
}

variable "env" {
  type    = string
  default = "bench"
}

provider "aws" {
  region = var.region
}
''', {"variable": {"region": {"type": "string", "default": "us-east-1"},
                   "env": {"type": "string", "default": "bench"}},
      "provider": {"aws": {"region": "${var.region}"}}})

both("modules/service/variables", '''variable "name" {
  type = string
}

variable "size" {
  type = object({ cpu = number, memory = number, tasks = optional(number, 1) })
}

variable "env" {
  type = string
}
''', {"variable": {"name": {"type": "string"},
                   "size": {"type": "object({ cpu = number, memory = number, tasks = optional(number, 1) })"},
                   "env": {"type": "string"}}})

both("modules/service/main", '''locals {
  full = "${var.env}-${var.name}"
}

resource "aws_ecs_task_definition" "this" {
  family                   = local.full
  cpu                      = tostring(var.size.cpu)
  memory                   = tostring(var.size.memory)
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions = jsonencode([{
    name  = local.full
    image = "registry/${var.name}:latest"
    logConfiguration = {
      options = { "awslogs-group" = aws_cloudwatch_log_group.this.name }
    }
  }])
}

resource "aws_ecs_service" "this" {
  name            = local.full
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.size.tasks
  launch_type     = "FARGATE"
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${local.full}"
  retention_in_days = 7
}

resource "aws_secretsmanager_secret" "this" {
  name = "${local.full}/config"
}
''', {"locals": {"full": "${var.env}-${var.name}"},
      "resource": {
          "aws_ecs_task_definition": {"this": {
              "family": "${local.full}", "cpu": "${tostring(var.size.cpu)}",
              "memory": "${tostring(var.size.memory)}", "requires_compatibilities": ["FARGATE"],
              "network_mode": "awsvpc",
              "container_definitions": "${jsonencode([{name = local.full, image = \"registry/${var.name}:latest\", logConfiguration = {options = {\"awslogs-group\" = aws_cloudwatch_log_group.this.name}}}])}"}},
          "aws_ecs_service": {"this": {"name": "${local.full}", "task_definition": "${aws_ecs_task_definition.this.arn}",
                                       "desired_count": "${var.size.tasks}", "launch_type": "FARGATE"}},
          "aws_cloudwatch_log_group": {"this": {"name": "/ecs/${local.full}", "retention_in_days": 7}},
          "aws_secretsmanager_secret": {"this": {"name": "${local.full}/config"}}}})

both("modules/service/outputs", '''output "service" {
  value = aws_ecs_service.this.name
}

output "task_arn" {
  value = aws_ecs_task_definition.this.arn
}
''', {"output": {"service": {"value": "${aws_ecs_service.this.name}"},
                 "task_arn": {"value": "${aws_ecs_task_definition.this.arn}"}}})

both("modules/network/main", '''variable "azs" {
  type = set(string)
}

resource "aws_eip" "nat" {
  for_each = var.azs
  domain   = "vpc"
}

resource "aws_nat_gateway" "this" {
  for_each      = var.azs
  allocation_id = aws_eip.nat[each.key].id
}

output "nat_ids" {
  value = [for k, v in aws_nat_gateway.this : v.id]
}
''', {"variable": {"azs": {"type": "set(string)"}},
      "resource": {"aws_eip": {"nat": {"for_each": "${var.azs}", "domain": "vpc"}},
                   "aws_nat_gateway": {"this": {"for_each": "${var.azs}",
                                                "allocation_id": "${aws_eip.nat[each.key].id}"}}},
      "output": {"nat_ids": {"value": "${[for k, v in aws_nat_gateway.this : v.id]}"}}})

both("network", '''module "network" {
  source = "./modules/network"
  azs    = ["us-east-1a", "us-east-1b"]
}
''', {"module": {"network": {"source": "./modules/network", "azs": ["us-east-1a", "us-east-1b"]}}})

# ---- the root files ------------------------------------------------------------
SIZES = [(256, 512), (512, 1024), (1024, 2048), (256, 1024)]
for i in range(root_files):
    cpu, mem = SIZES[i % len(SIZES)]
    hcl = f'''locals {{
  team_{i}   = "team{i}"
  alarms_{i} = {{ cpu = 80, memory = 75, errors = 5 }}
  services_{i} = {{
    api    = {{ cpu = {cpu}, memory = {mem}, tasks = {1 + i % 3} }}
    worker = {{ cpu = 256, memory = 512 }}
    web    = {{ cpu = {cpu}, memory = {mem}, tasks = 2 }}
    cron   = {{ cpu = 256, memory = 512, tasks = 1 }}
  }}
}}

module "svc_{i}" {{
  for_each = local.services_{i}
  source   = "./modules/service"
  name     = "${{local.team_{i}}}-${{each.key}}"
  size     = each.value
  env      = var.env
}}

resource "aws_security_group" "sg_{i}" {{
  count       = 3
  name        = "${{local.team_{i}}}-sg-${{count.index}}"
  description = "tier ${{count.index + 1}} of ${{local.team_{i}}}"
  ingress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [cidrsubnet("10.0.0.0/8", 16, {i} * 3 + count.index)]
  }}
}}

resource "aws_secretsmanager_secret" "s_{i}" {{
  for_each = toset(["db", "cache", "api-key"])
  name     = "${{var.env}}/${{local.team_{i}}}/${{each.key}}"
}}

resource "aws_cloudwatch_metric_alarm" "a_{i}" {{
  for_each   = local.alarms_{i}
  alarm_name = "${{local.team_{i}}}-${{each.key}}"
  threshold  = each.value
  period     = 60
  dimensions = {{ ServiceName = module.svc_{i}["api"].service }}
}}

resource "aws_sqs_queue" "q_{i}" {{
  name = "${{local.team_{i}}}-jobs"
  tags = {{ services = join(",", keys(module.svc_{i})) }}
}}
'''
    js = {
        "locals": {f"team_{i}": f"team{i}", f"alarms_{i}": {"cpu": 80, "memory": 75, "errors": 5},
                   f"services_{i}": {"api": {"cpu": cpu, "memory": mem, "tasks": 1 + i % 3},
                                     "worker": {"cpu": 256, "memory": 512},
                                     "web": {"cpu": cpu, "memory": mem, "tasks": 2},
                                     "cron": {"cpu": 256, "memory": 512, "tasks": 1}}},
        "module": {f"svc_{i}": {"for_each": f"${{local.services_{i}}}", "source": "./modules/service",
                                "name": f"${{local.team_{i}}}-${{each.key}}", "size": "${each.value}",
                                "env": "${var.env}"}},
        "resource": {
            "aws_security_group": {f"sg_{i}": {
                "count": 3, "name": f"${{local.team_{i}}}-sg-${{count.index}}",
                "description": f"tier ${{count.index + 1}} of ${{local.team_{i}}}",
                "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp",
                             "cidr_blocks": [f"${{cidrsubnet(\"10.0.0.0/8\", 16, {i} * 3 + count.index)}}"]}]}},
            "aws_secretsmanager_secret": {f"s_{i}": {"for_each": "${toset([\"db\", \"cache\", \"api-key\"])}",
                                                     "name": f"${{var.env}}/${{local.team_{i}}}/${{each.key}}"}},
            "aws_cloudwatch_metric_alarm": {f"a_{i}": {
                "for_each": f"${{local.alarms_{i}}}", "alarm_name": f"${{local.team_{i}}}-${{each.key}}",
                "threshold": "${each.value}", "period": 60,
                "dimensions": {"ServiceName": f"${{module.svc_{i}[\"api\"].service}}"}}},
            "aws_sqs_queue": {f"q_{i}": {"name": f"${{local.team_{i}}}-jobs",
                                         "tags": {"services": f"${{join(\",\", keys(module.svc_{i}))}}"}}}}}
    both(f"team_{i:03d}", hcl, js)
