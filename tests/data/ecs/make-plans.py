#!/usr/bin/env python3
"""make-plans.py - write the ECS plan fixtures tests/data/plans/ecs-*.json.

Terraform plan JSON (format 1.2) by hand, small enough to read: where a
service's tasks run (launch_type, capacity provider strategies, nothing
said), task sets of an EXTERNAL-controller service, and a task definition
family that two definitions share. Run from the repository root:

    python3 tests/data/ecs/make-plans.py
"""
import json
import os

AWS = "registry.terraform.io/hashicorp/aws"
PROVIDER = {"aws": {"name": "aws", "full_name": AWS,
                    "expressions": {"region": {"constant_value": "us-east-1"}}}}


def change(type_, name, after, unknown=None, module=None, before=None, actions=None):
    addr = f"{type_}.{name}"
    rc = {"address": f"{module}.{addr}" if module else addr, "mode": "managed",
          "type": type_, "name": name, "provider_name": AWS,
          "change": {"actions": actions or ["create"], "before": before, "after": after,
                     "after_unknown": unknown or {}}}
    if module:
        rc["module_address"] = module
    return rc


def config(type_, name, refs=None):
    r = {"address": f"{type_}.{name}", "mode": "managed", "type": type_, "name": name,
         "provider_config_key": "aws", "expressions": {}}
    for attr, targets in (refs or {}).items():
        r["expressions"][attr] = {"references": targets}
    return r


def taskdef(name, family, cpu="256", memory="512"):
    after = {"family": family, "network_mode": "awsvpc",
             "requires_compatibilities": ["FARGATE"]}
    if cpu:
        after["cpu"] = cpu
        after["memory"] = memory
    return change("aws_ecs_task_definition", name, after, {"arn": True, "id": True})


def plan(changes, resources):
    return {"format_version": "1.2", "terraform_version": "1.9.8",
            "resource_changes": changes,
            "configuration": {"provider_config": PROVIDER,
                              "root_module": {"resources": resources}}}


def write(name, doc):
    path = os.path.join("tests/data/plans", name)
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def td_ref(name):
    return {"task_definition": [f"aws_ecs_task_definition.{name}.arn",
                                f"aws_ecs_task_definition.{name}"]}


# where the tasks run: Fargate, EC2, an Auto Scaling group provider, ECS
# Anywhere, and a service that says nothing (the cluster decides)
svc = {"cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/main", "desired_count": 2}
launch = plan([
    taskdef("app", "app"),
    taskdef("ec2", "ec2", cpu=None),
    change("aws_ecs_service", "fargate", dict(svc, name="fargate", launch_type="FARGATE"),
           {"task_definition": True, "id": True}),
    change("aws_ecs_service", "on_ec2", dict(svc, name="on_ec2", launch_type="EC2"),
           {"task_definition": True, "id": True}),
    change("aws_ecs_service", "asg", dict(svc, name="asg", capacity_provider_strategy=[
        {"capacity_provider": "app-asg", "weight": 1, "base": 0}]),
           {"task_definition": True, "id": True, "launch_type": True}),
    change("aws_ecs_service", "anywhere", dict(svc, name="anywhere", launch_type="EXTERNAL"),
           {"task_definition": True, "id": True}),
    change("aws_ecs_service", "unsaid", dict(svc, name="unsaid", capacity_provider_strategy=[]),
           {"task_definition": True, "id": True, "launch_type": True}),
], [
    config("aws_ecs_task_definition", "app"),
    config("aws_ecs_task_definition", "ec2"),
    config("aws_ecs_service", "fargate", td_ref("app")),
    config("aws_ecs_service", "on_ec2", td_ref("ec2")),
    config("aws_ecs_service", "asg", td_ref("ec2")),
    config("aws_ecs_service", "anywhere", td_ref("app")),
    config("aws_ecs_service", "unsaid", td_ref("app")),
])
write("ecs-launch-types.json", launch)

# blue/green by task sets: the service (EXTERNAL) names no task definition
external = plan([
    taskdef("blue", "web"),
    taskdef("green", "web-green", cpu="512", memory="1024"),
    change("aws_ecs_service", "web", {
        "name": "web", "cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/main",
        "desired_count": 3, "deployment_controller": [{"type": "EXTERNAL"}]},
        {"id": True, "launch_type": True}),
    change("aws_ecs_task_set", "blue", {
        "launch_type": "FARGATE", "scale": [{"unit": "PERCENT", "value": 100}],
        "external_id": "blue"},
        {"service": True, "task_definition": True, "id": True}),
    change("aws_ecs_task_set", "green", {
        "launch_type": "FARGATE", "scale": [{"unit": "PERCENT", "value": 50}],
        "external_id": "green"},
        {"service": True, "task_definition": True, "id": True}),
], [
    config("aws_ecs_task_definition", "blue"),
    config("aws_ecs_task_definition", "green"),
    config("aws_ecs_service", "web"),
    config("aws_ecs_task_set", "blue", dict(td_ref("blue"), service=[
        "aws_ecs_service.web.id", "aws_ecs_service.web"])),
    config("aws_ecs_task_set", "green", dict(td_ref("green"), service=[
        "aws_ecs_service.web.id", "aws_ecs_service.web"])),
])
write("ecs-task-set.json", external)

# one family, two definitions: the service that refers to one follows the
# reference; the one that names the family alone gets a warning naming both
small = taskdef("api_small", "api")
big = taskdef("api_big", "api", cpu="1024", memory="2048")
family = plan([
    small, big,
    change("aws_ecs_service", "by_ref", dict(svc, name="by_ref", launch_type="FARGATE",
                                             task_definition="api")),
    change("aws_ecs_service", "by_name", dict(svc, name="by_name", launch_type="FARGATE",
                                              task_definition="api")),
], [
    config("aws_ecs_task_definition", "api_small"),
    config("aws_ecs_task_definition", "api_big"),
    config("aws_ecs_service", "by_ref", {"task_definition": [
        "aws_ecs_task_definition.api_big.family", "aws_ecs_task_definition.api_big"]}),
    config("aws_ecs_service", "by_name"),
])
write("ecs-family.json", family)
