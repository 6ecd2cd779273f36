#!/usr/bin/env python3
"""make-plans.py - write the cache and compute test plans,
tests/data/plans/compute-*.json.

Each file has the shape `terraform show -json` gives (format 1.2,
Terraform 1.9): resource_changes with before/after/after_unknown, the
configuration with provider_config and the expressions that refer to
other resources (nested blocks as lists of one object, as Terraform writes
them), and planned_values. Attribute sets follow the AWS provider's
schemas, abridged to what matters plus typical neighbours. Run it again
after editing; the JSON files are committed.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "plans")
AWS = "registry.terraform.io/hashicorp/aws"


def rc(rtype, name, after, unknown=None):
    return {"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
            "provider_name": AWS,
            "change": {"actions": ["create"], "before": None, "after": after,
                       "after_unknown": unknown or {"id": True, "arn": True},
                       "before_sensitive": False, "after_sensitive": {}}}


def cfg(rtype, name, expressions=None):
    return {"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
            "provider_config_key": "aws", "expressions": expressions or {},
            "schema_version": 0}


def ref(*refs):
    return {"references": list(refs)}


def plan(region, changes, config):
    res = []
    for c in changes:
        res.append({"address": c["address"], "mode": "managed", "type": c["type"],
                    "name": c["name"], "provider_name": AWS, "schema_version": 0,
                    "values": c["change"]["after"], "sensitive_values": {}})
    return {
        "format_version": "1.2", "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": res}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": AWS,
                                        "expressions": {"region": {"constant_value": region}}}},
            "root_module": {"resources": config}},
        "timestamp": "2026-11-20T10:00:00Z", "applyable": True, "complete": True,
        "errored": False}


def write(name, doc):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def ebs(size, vtype, iops=None, throughput=None, device=None):
    v = {"volume_size": size, "volume_type": vtype, "iops": iops, "throughput": throughput,
         "encrypted": True, "delete_on_termination": True, "kms_key_id": "", "tags": {}}
    if device:
        v["device_name"] = device
    return v


def instance(itype, root=None, ebs_devices=(), public=False, tenancy="default"):
    v = {"ami": "ami-0abcdef1234567890", "instance_type": itype, "tenancy": tenancy,
         "associate_public_ip_address": public, "monitoring": False, "ebs_optimized": False,
         "credit_specification": [], "ebs_block_device": list(ebs_devices),
         "subnet_id": "subnet-0priv1", "vpc_security_group_ids": ["sg-0app"], "tags": {}}
    unknown = {"id": True, "arn": True, "private_ip": True, "public_ip": True}
    if root:
        v["root_block_device"] = [root]
    else:
        unknown["root_block_device"] = True  # the AMI decides: known after apply
    return v, unknown


# ---- compute-ec2.json: instances, volumes, launch templates, ASGs (eu-central-1)

ec2 = []
ec2cfg = []

v, u = instance("m7g.large", root=ebs(30, "gp3", 3000, 125),
                ebs_devices=[ebs(500, "gp3", 6000, 250, "/dev/sdf")], public=True)
ec2.append(rc("aws_instance", "app", v, u))
ec2cfg.append(cfg("aws_instance", "app"))

v, u = instance("t3.micro")
ec2.append(rc("aws_instance", "bastion", v, u))
ec2cfg.append(cfg("aws_instance", "bastion"))

v, u = instance("m7g.lrage", root=ebs(8, "gp3", 3000, 125))
ec2.append(rc("aws_instance", "typo", v, u))
ec2cfg.append(cfg("aws_instance", "typo"))

v, u = instance("c7g.large", root=ebs(8, "gp3", 3000, 125), tenancy="dedicated")
ec2.append(rc("aws_instance", "dedicated", v, u))
ec2cfg.append(cfg("aws_instance", "dedicated"))

ec2.append(rc("aws_ebs_volume", "data",
              {"availability_zone": "eu-central-1a", "type": "gp3", "size": 200, "iops": 3000,
               "throughput": 125, "encrypted": True, "multi_attach_enabled": False,
               "snapshot_id": "", "tags": {}}))
ec2cfg.append(cfg("aws_ebs_volume", "data"))
ec2.append(rc("aws_volume_attachment", "data",
              {"device_name": "/dev/sdh", "force_detach": None, "skip_destroy": None},
              {"id": True, "instance_id": True, "volume_id": True}))
ec2cfg.append(cfg("aws_volume_attachment", "data",
                  {"instance_id": ref("aws_instance.app.id", "aws_instance.app"),
                   "volume_id": ref("aws_ebs_volume.data.id", "aws_ebs_volume.data")}))

ec2.append(rc("aws_launch_template", "web",
              {"name_prefix": "web-", "image_id": "ami-0abcdef1234567890",
               "instance_type": "t4g.small", "ebs_optimized": "",
               "block_device_mappings": [{"device_name": "/dev/xvda", "no_device": "",
                                          "virtual_name": "",
                                          "ebs": [ebs(20, "gp3", 3000, 125)]}],
               "monitoring": [{"enabled": True}], "credit_specification": [],
               "update_default_version": None, "tags": {}},
              {"id": True, "arn": True, "name": True, "latest_version": True}))
ec2cfg.append(cfg("aws_launch_template", "web"))

ec2.append(rc("aws_autoscaling_group", "web",
              {"name_prefix": "web-", "min_size": 2, "max_size": 6, "desired_capacity": 3,
               "launch_template": [{"version": "$Latest"}], "mixed_instances_policy": [],
               "launch_configuration": None, "vpc_zone_identifier": ["subnet-0priv1"],
               "health_check_type": "ELB", "tag": []},
              {"id": True, "arn": True, "name": True,
               "launch_template": [{"id": True, "name": True}]}))
ec2cfg.append(cfg("aws_autoscaling_group", "web",
                  {"launch_template": [{"id": ref("aws_launch_template.web.id",
                                                  "aws_launch_template.web"),
                                        "version": {"constant_value": "$Latest"}}]}))


def mixed(pct, override):
    return [{"launch_template": [{"launch_template_specification": [{"version": "$Latest"}],
                                  "override": [{"instance_type": override,
                                                "weighted_capacity": None,
                                                "launch_template_specification": [],
                                                "instance_requirements": []}]}],
             "instances_distribution": [{"on_demand_allocation_strategy": "prioritized",
                                         "on_demand_base_capacity": 0,
                                         "on_demand_percentage_above_base_capacity": pct,
                                         "spot_allocation_strategy": "lowest-price"}]}]


for name, pct in (("workers", 100), ("spot", 50)):
    ec2.append(rc("aws_autoscaling_group", name,
                  {"name": name, "min_size": 2, "max_size": 4, "desired_capacity": None,
                   "launch_template": [], "mixed_instances_policy": mixed(pct, "m7g.large"),
                   "launch_configuration": None, "vpc_zone_identifier": ["subnet-0priv1"],
                   "tag": []},
                  {"id": True, "arn": True, "desired_capacity": True,
                   "mixed_instances_policy": [{"launch_template": [{
                       "launch_template_specification": [{"launch_template_id": True,
                                                          "launch_template_name": True}]}]}]}))
    ec2cfg.append(cfg("aws_autoscaling_group", name,
                      {"mixed_instances_policy": [{"launch_template": [{
                          "launch_template_specification": [{
                              "launch_template_id": ref("aws_launch_template.web.id",
                                                        "aws_launch_template.web")}]}]}]}))

write("compute-ec2.json", plan("eu-central-1", ec2, ec2cfg))

# ---- compute-cache.json: caches and a Lambda function (ap-south-1) -----------

cache = []
cachecfg = []
rg = {"description": "sessions", "engine": "valkey", "engine_version": "8.0",
      "node_type": "cache.r7g.large", "num_cache_clusters": 3, "num_node_groups": None,
      "replicas_per_node_group": None, "automatic_failover_enabled": True,
      "multi_az_enabled": True, "data_tiering_enabled": False, "cluster_mode": "disabled",
      "at_rest_encryption_enabled": True, "transit_encryption_enabled": True,
      "snapshot_retention_limit": 0, "tags": {}}
cache.append(rc("aws_elasticache_replication_group", "sessions", rg))
cachecfg.append(cfg("aws_elasticache_replication_group", "sessions"))
rg2 = dict(rg, node_type="cache.c7gn.large", num_cache_clusters=1,
           automatic_failover_enabled=False, multi_az_enabled=False, description="queue")
cache.append(rc("aws_elasticache_replication_group", "queue", rg2))
cachecfg.append(cfg("aws_elasticache_replication_group", "queue"))
cache.append(rc("aws_elasticache_cluster", "pages",
                {"cluster_id": "pages", "engine": "memcached", "node_type": "cache.m7g.large",
                 "num_cache_nodes": 2, "replication_group_id": None, "port": 11211,
                 "snapshot_retention_limit": 0, "tags": {}}))
cachecfg.append(cfg("aws_elasticache_cluster", "pages"))
cache.append(rc("aws_elasticache_serverless_cache", "flags",
                {"name": "flags", "engine": "valkey", "major_engine_version": "8",
                 "cache_usage_limits": [], "daily_snapshot_time": None,
                 "snapshot_retention_limit": None, "tags": {}}))
cachecfg.append(cfg("aws_elasticache_serverless_cache", "flags"))
cache.append(rc("aws_lambda_function", "resize",
                {"function_name": "resize", "runtime": "python3.12", "handler": "app.handler",
                 "memory_size": 1024, "architectures": ["arm64"], "timeout": 30,
                 "ephemeral_storage": [{"size": 512}], "package_type": "Zip", "tags": {}},
                {"id": True, "arn": True, "role": True}))
cachecfg.append(cfg("aws_lambda_function", "resize"))

write("compute-cache.json", plan("ap-south-1", cache, cachecfg))
