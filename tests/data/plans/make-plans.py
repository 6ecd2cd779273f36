#!/usr/bin/env python3
"""make-plans.py - write the test plans and states in tests/data/plans/.

Each file has the shape `terraform show -json` gives (format 1.2,
Terraform 1.9): resource_changes with before/after/after_unknown, the
configuration with provider_config, module_calls and expression
references, variables, planned_values. Attribute sets follow the AWS
provider's schemas (abridged to what matters plus typical neighbours).
Run it again after editing; the JSON files are committed.
"""
import copy, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
AWS = "registry.terraform.io/hashicorp/aws"
ACCT = "123456789012"


def arn(svc, region, rest):
    return f"arn:aws:{svc}:{region}:{ACCT}:{rest}"


def rc(address, rtype, name, actions, before, after, unknown=None, module=None, index=None,
       provider=AWS, mode="managed"):
    r = {"address": address}
    if module:
        r["module_address"] = module
    r.update({"mode": mode, "type": rtype, "name": name})
    if index is not None:
        r["index"] = index
    r["provider_name"] = provider
    ch = {"actions": actions, "before": before, "after": after,
          "after_unknown": unknown if unknown is not None else {},
          "before_sensitive": {} if before is not None else False,
          "after_sensitive": {} if after is not None else False}
    if actions == ["delete", "create"]:
        r["action_reason"] = "replace_because_cannot_update"
    r["change"] = ch
    return r


def cfg_res(rtype, name, refs=None, key="aws", consts=None):
    ex = {}
    for k, v in (refs or {}).items():
        ex[k] = {"references": v}
    for k, v in (consts or {}).items():
        ex[k] = {"constant_value": v}
    return {"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
            "provider_config_key": key, "expressions": ex, "schema_version": 0}


def plan(changes, config, variables=None, extra=None):
    p = {"format_version": "1.2", "terraform_version": "1.9.8"}
    if variables:
        p["variables"] = {k: {"value": v} for k, v in variables.items()}
    res = []
    for c in changes:
        a = c["change"]["after"]
        if a is not None and c["mode"] == "managed":
            pv = {k: c[k] for k in ("address", "mode", "type", "name") if k in c}
            pv.update({"provider_name": c["provider_name"], "schema_version": 0,
                       "values": a, "sensitive_values": {}})
            res.append(pv)
    p["planned_values"] = {"root_module": {"resources": [r for r in res if "module." not in r["address"]]}}
    p["resource_changes"] = changes
    p["configuration"] = config
    p["timestamp"] = "2026-11-20T10:00:00Z"
    p["applyable"] = True
    p["complete"] = True
    p["errored"] = False
    if extra:
        p.update(extra)
    return p


def write(name, doc):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


# ---- resource values -------------------------------------------------------
R = "us-east-1"


def taskdef(family, rev, cpu="256", memory="512", arch=None, region=R, known=True):
    v = {"family": family, "cpu": cpu, "memory": memory, "network_mode": "awsvpc",
         "requires_compatibilities": ["FARGATE"],
         "container_definitions": json.dumps([{"name": family, "image": f"{family}:latest", "essential": True}]),
         "execution_role_arn": arn("iam", "", "role/ecs-task-execution").replace(f":{''}:", "::"),
         "ephemeral_storage": [], "runtime_platform": [], "skip_destroy": False, "tags": {}}
    if arch:
        v["runtime_platform"] = [{"cpu_architecture": arch, "operating_system_family": "LINUX"}]
    if known:
        v["arn"] = arn("ecs", region, f"task-definition/{family}:{rev}")
        v["revision"] = rev
        v["id"] = family
    return v


def service(name, desired, td_arn, public=False, strategy=None, region=R):
    v = {"name": name, "cluster": arn("ecs", region, "cluster/app"), "desired_count": desired,
         "launch_type": "" if strategy else "FARGATE", "platform_version": "LATEST",
         "capacity_provider_strategy": strategy or [],
         "deployment_maximum_percent": 200, "deployment_minimum_healthy_percent": 100,
         "enable_execute_command": False, "force_new_deployment": None,
         "network_configuration": [{"assign_public_ip": public, "security_groups": ["sg-0ecs"],
                                    "subnets": ["subnet-0priv1", "subnet-0priv2"]}],
         "load_balancer": [], "tags": {}, "wait_for_steady_state": False}
    if td_arn is not None:
        v["task_definition"] = td_arn
    return v


def nat(region=R, eip="eipalloc-0a1"):
    return {"connectivity_type": "public", "allocation_id": eip, "subnet_id": "subnet-0pub1",
            "id": "nat-0a1", "private_ip": "10.0.0.10", "public_ip": "203.0.113.10", "tags": {}}


def eip():
    return {"domain": "vpc", "id": "eipalloc-0a1", "public_ip": "203.0.113.10", "tags": {}}


def alb(subnets=("subnet-0pub1", "subnet-0pub2"), internal=False, lbtype="application"):
    return {"name": "app", "internal": internal, "load_balancer_type": lbtype,
            "subnets": list(subnets), "subnet_mapping": [{"subnet_id": s, "allocation_id": "",
                                                           "ipv6_address": "", "private_ipv4_address": ""} for s in subnets],
            "security_groups": ["sg-0alb"], "enable_deletion_protection": False,
            "idle_timeout": 60, "ip_address_type": "ipv4",
            "arn": arn("elasticloadbalancing", R, "loadbalancer/app/app/50dc6c495c0c9188"), "tags": {}}


def db(cls="db.t3.micro", storage=20, multi_az=False, engine="postgres"):
    return {"identifier": "app-db", "engine": engine, "engine_version": "16.9",
            "instance_class": cls, "allocated_storage": storage, "max_allocated_storage": 100,
            "storage_type": "gp2", "storage_encrypted": True, "multi_az": multi_az,
            "backup_retention_period": 7, "performance_insights_enabled": True,
            "performance_insights_retention_period": 7, "monitoring_interval": 60,
            "deletion_protection": False, "iops": 0, "storage_throughput": 0,
            "arn": arn("rds", R, "db:app-db"), "tags": {}}


def redis(n=1, multi_az=False):
    return {"replication_group_id": "app-redis", "description": "redis", "engine": "redis",
            "engine_version": "7.1", "node_type": "cache.t3.micro", "num_cache_clusters": n,
            "num_node_groups": 1, "replicas_per_node_group": n - 1,
            "automatic_failover_enabled": multi_az, "multi_az_enabled": multi_az,
            "at_rest_encryption_enabled": True, "transit_encryption_enabled": True,
            "snapshot_retention_limit": 5, "cluster_mode": "disabled",
            "arn": arn("elasticache", R, "replicationgroup:app-redis"), "tags": {}}


def loggroup(name, days=7):
    return {"name": name, "retention_in_days": days, "log_group_class": "STANDARD",
            "skip_destroy": False, "kms_key_id": "", "arn": arn("logs", R, f"log-group:{name}"), "tags": {}}


def secret(name):
    return {"name": name, "recovery_window_in_days": 30, "arn": arn("secretsmanager", R, f"secret:{name}-AbCdEf"), "tags": {}}


def noop(address, rtype, name, vals, **kw):
    return rc(address, rtype, name, ["no-op"], vals, copy.deepcopy(vals), **kw)


# ---- guide-change.json: a typical infra PR on the guide's stack ----------------
def guide_change():
    api_td = taskdef("api", 3)
    worker_old = taskdef("worker", 2)
    worker_new = taskdef("worker", 3, arch="ARM64", known=False)
    ch = []
    ch.append(rc("data.aws_availability_zones.available", "aws_availability_zones", "available", ["read"],
                 None, {"state": "available", "names": ["us-east-1a", "us-east-1b"]}, mode="data"))
    ch.append(noop("aws_cloudwatch_log_group.api", "aws_cloudwatch_log_group", "api", loggroup("/ecs/api")))
    ch.append(rc("aws_cloudwatch_log_group.worker", "aws_cloudwatch_log_group", "worker", ["update"],
                 loggroup("/ecs/worker", 7), loggroup("/ecs/worker", 30)))
    ch.append(rc("aws_cloudwatch_dashboard.main", "aws_cloudwatch_dashboard", "main", ["delete"],
                 {"dashboard_name": "app", "dashboard_body": "{}", "dashboard_arn": "arn:aws:cloudwatch::123456789012:dashboard/app"}, None))
    ch.append(rc("aws_db_instance.main", "aws_db_instance", "main", ["delete", "create"],
                 db(), {**{k: v for k, v in db("db.t3.small").items() if k != "arn"}},
                 unknown={"arn": True, "id": True, "endpoint": True}))
    ch.append(noop("aws_ecs_service.api", "aws_ecs_service", "api", service("api", 1, api_td["arn"])))
    ch[-1] = rc("aws_ecs_service.api", "aws_ecs_service", "api", ["update"],
                service("api", 1, api_td["arn"]), service("api", 2, api_td["arn"]))
    ch.append(rc("aws_ecs_service.worker", "aws_ecs_service", "worker", ["update"],
                 service("worker", 1, worker_old["arn"]), service("worker", 1, None),
                 unknown={"task_definition": True}))
    ch.append(noop("aws_ecs_task_definition.api", "aws_ecs_task_definition", "api", api_td))
    ch.append(rc("aws_ecs_task_definition.worker", "aws_ecs_task_definition", "worker", ["delete", "create"],
                 worker_old, worker_new, unknown={"arn": True, "id": True, "revision": True}))
    ch.append(rc("aws_eip.nat[0]", "aws_eip", "nat", ["no-op"], eip(), eip(), index=0))
    ch.append(rc("aws_eip.nat[1]", "aws_eip", "nat", ["create"], None,
                 {"domain": "vpc", "tags": {}}, unknown={"id": True, "public_ip": True}, index=1))
    ch.append(rc("aws_elasticache_replication_group.redis", "aws_elasticache_replication_group", "redis",
                 ["update"], redis(1), redis(2, True)))
    ch.append(rc("aws_lambda_function.thumbnails", "aws_lambda_function", "thumbnails", ["create"], None,
                 {"function_name": "thumbnails", "memory_size": 512, "runtime": "python3.12"},
                 unknown={"arn": True}))
    ch.append(noop("aws_lb.main", "aws_lb", "main", alb()))
    ch.append(rc("aws_nat_gateway.main[0]", "aws_nat_gateway", "main", ["no-op"], nat(), nat(), index=0))
    ch.append(rc("aws_nat_gateway.main[1]", "aws_nat_gateway", "main", ["create"], None,
                 {"connectivity_type": "public", "subnet_id": "subnet-0pub2", "tags": {}},
                 unknown={"allocation_id": True, "id": True, "public_ip": True}, index=1))
    for k in ("db", "redis"):
        ch.append(noop(f'aws_secretsmanager_secret.app["{k}"]', "aws_secretsmanager_secret", "app",
                       secret(f"app/{k}"), index=k))
    ch.append(rc('aws_secretsmanager_secret.app["oauth"]', "aws_secretsmanager_secret", "app", ["create"],
                 None, {"name": "app/oauth", "recovery_window_in_days": 30, "tags": {}},
                 unknown={"arn": True, "id": True}, index="oauth"))
    ch.append(rc("aws_sqs_queue.jobs", "aws_sqs_queue", "jobs", ["create"], None,
                 {"name": "jobs", "visibility_timeout_seconds": 30}, unknown={"arn": True, "url": True}))
    ch.append(noop("aws_vpc.main", "aws_vpc", "main", {"cidr_block": "10.0.0.0/16", "id": "vpc-0a1"}))
    ch.append(rc("random_password.db", "random_password", "db", ["no-op"], {"length": 32}, {"length": 32},
                 provider="registry.terraform.io/hashicorp/random"))
    root = {"resources": [
        cfg_res("aws_ecs_service", "api", {"task_definition": ["aws_ecs_task_definition.api.arn", "aws_ecs_task_definition.api"]}),
        cfg_res("aws_ecs_service", "worker", {"task_definition": ["aws_ecs_task_definition.worker.arn", "aws_ecs_task_definition.worker"]}),
        cfg_res("aws_ecs_task_definition", "api", consts={"family": "api"}),
        cfg_res("aws_ecs_task_definition", "worker", consts={"family": "worker"}),
        cfg_res("aws_nat_gateway", "main", {"allocation_id": ["aws_eip.nat", "count.index"]}),
    ], "variables": {"region": {"default": "us-east-1"}}}
    config = {"provider_config": {"aws": {"name": "aws", "full_name": AWS,
                                          "expressions": {"region": {"references": ["var.region"]}}}},
              "root_module": root}
    return plan(ch, config, {"region": "us-east-1"})


# ---- modules.json: for_each modules, count, var -> module output chains --------
def modules():
    ch = []
    td = {}
    for svc, desired, strat in (("api", 2, None),
                                ("worker", 4, [{"capacity_provider": "FARGATE", "base": 1, "weight": 1},
                                               {"capacity_provider": "FARGATE_SPOT", "base": 0, "weight": 1}])):
        mod = f'module.svc["{svc}"]'
        t = taskdef(svc, 1, cpu="0.5 vCPU", memory="1 GB", known=False,
                    arch="ARM64" if svc == "api" else None)
        ch.append(rc(f"{mod}.module.task.aws_ecs_task_definition.this", "aws_ecs_task_definition", "this",
                     ["create"], None, t, unknown={"arn": True, "id": True, "revision": True},
                     module=f"{mod}.module.task"))
        ch.append(rc(f"{mod}.aws_ecs_service.this", "aws_ecs_service", "this", ["create"], None,
                     service(svc, desired, None, strategy=strat),
                     unknown={"task_definition": True, "id": True}, module=mod))
        ch.append(rc(f"{mod}.aws_cloudwatch_log_group.this", "aws_cloudwatch_log_group", "this", ["create"],
                     None, {k: v for k, v in loggroup(f"/ecs/{svc}", 14).items() if k != "arn"},
                     unknown={"arn": True}, module=mod))
    for i in range(2):
        ch.append(rc(f"module.network.aws_eip.nat[{i}]", "aws_eip", "nat", ["create"], None,
                     {"domain": "vpc", "tags": {}}, unknown={"id": True}, module="module.network", index=i))
        ch.append(rc(f"module.network.aws_nat_gateway.this[{i}]", "aws_nat_gateway", "this", ["create"], None,
                     {"connectivity_type": "public", "tags": {}},
                     unknown={"allocation_id": True, "subnet_id": True, "id": True},
                     module="module.network", index=i))
    task_mod = {"resources": [cfg_res("aws_ecs_task_definition", "this", {"family": ["var.family"]})],
                "outputs": {"arn": {"expression": {"references": ["aws_ecs_task_definition.this.arn",
                                                                 "aws_ecs_task_definition.this"]}}},
                "variables": {"family": {}}}
    svc_mod = {"resources": [cfg_res("aws_ecs_service", "this", {"task_definition": ["var.task_definition_arn"]},
                                     key="module.svc:aws"),
                             cfg_res("aws_cloudwatch_log_group", "this", key="module.svc:aws")],
               "module_calls": {"task": {"source": "./modules/task",
                                         "expressions": {"family": {"references": ["each.key"]}},
                                         "module": task_mod}},
               "variables": {"task_definition_arn": {}}}
    # the service module gets its task definition from its own child module:
    svc_mod["module_calls"]["task"]["module"] = task_mod
    svc_mod["resources"][0]["expressions"]["task_definition"] = {"references": ["module.task.arn", "module.task"]}
    root = {"module_calls": {
        "svc": {"source": "./modules/service", "for_each_expression": {"references": ["local.services"]},
                "module": svc_mod},
        "network": {"source": "./modules/network", "module": {"resources": [
            cfg_res("aws_eip", "nat", key="module.network:aws"),
            cfg_res("aws_nat_gateway", "this", {"allocation_id": ["aws_eip.nat"]}, key="module.network:aws")]}}}}
    config = {"provider_config": {"aws": {"name": "aws", "full_name": AWS,
                                          "expressions": {"region": {"constant_value": "us-east-1"}}}},
              "root_module": root}
    return plan(ch, config)


# ---- unknowns.json: values known only after apply -----------------------------
def unknowns():
    ch = []
    ch.append(rc("aws_lb.public", "aws_lb", "public", ["create"], None,
                 {"name": "public", "internal": False, "load_balancer_type": "application",
                  "enable_deletion_protection": False, "subnet_mapping": [], "tags": {}},
                 unknown={"subnets": True, "arn": True, "id": True, "subnet_mapping": True}))
    before = db()
    after = {k: v for k, v in db(storage=50).items() if k not in ("storage_type",)}
    ch.append(rc("aws_db_instance.main", "aws_db_instance", "main", ["update"], before, after,
                 unknown={"storage_type": True}))
    ch.append(rc("aws_db_instance.reports", "aws_db_instance", "reports", ["create"], None,
                 {k: v for k, v in db().items() if k not in ("arn", "allocated_storage", "identifier")},
                 unknown={"allocated_storage": True, "arn": True, "identifier": True}))
    ch.append(rc("aws_ecs_task_definition.batch", "aws_ecs_task_definition", "batch", ["create"], None,
                 taskdef("batch", 1, cpu="1 vCPU", memory="2 GB", known=False),
                 unknown={"arn": True, "revision": True}))
    ch.append(rc("aws_ecs_service.batch", "aws_ecs_service", "batch", ["create"], None,
                 {k: v for k, v in service("batch", 1, None).items() if k != "desired_count"},
                 unknown={"task_definition": True, "desired_count": True}))
    ch.append(rc("aws_ecs_service.orphan", "aws_ecs_service", "orphan", ["create"], None,
                 service("orphan", 1, None), unknown={"task_definition": True}))
    root = {"resources": [cfg_res("aws_ecs_service", "batch", {"task_definition": ["aws_ecs_task_definition.batch.arn", "aws_ecs_task_definition.batch"]}),
                          cfg_res("aws_ecs_service", "orphan", {"task_definition": ["local.external_task_arn"]})]}
    config = {"provider_config": {"aws": {"name": "aws", "full_name": AWS,
                                          "expressions": {"region": {"constant_value": "us-east-1"}}}},
              "root_module": root}
    return plan(ch, config)


# ---- regions.json: provider aliases and a per-resource region -----------------
def regions():
    ch = []
    ch.append(rc("aws_nat_gateway.us", "aws_nat_gateway", "us", ["create"], None,
                 {"connectivity_type": "public", "tags": {}}, unknown={"id": True}))
    ch.append(rc("aws_nat_gateway.eu", "aws_nat_gateway", "eu", ["create"], None,
                 {"connectivity_type": "public", "tags": {}}, unknown={"id": True}))
    ch.append(rc("aws_nat_gateway.sg", "aws_nat_gateway", "sg", ["create"], None,
                 {"connectivity_type": "public", "region": "ap-southeast-1", "tags": {}}, unknown={"id": True}))
    root = {"resources": [cfg_res("aws_nat_gateway", "us"), cfg_res("aws_nat_gateway", "eu", key="aws.eu"),
                          cfg_res("aws_nat_gateway", "sg")]}
    config = {"provider_config": {
        "aws": {"name": "aws", "full_name": AWS, "expressions": {"region": {"references": ["var.region"]}}},
        "aws.eu": {"name": "aws", "full_name": AWS, "alias": "eu",
                   "expressions": {"region": {"constant_value": "eu-west-1"}}}},
        "root_module": root}
    return plan(ch, config, {"region": "us-west-2"})


# ---- destroy.json: everything goes --------------------------------------------
def destroy():
    ch = [rc("aws_nat_gateway.main", "aws_nat_gateway", "main", ["delete"], nat(), None),
          rc("aws_eip.nat", "aws_eip", "nat", ["delete"], eip(), None),
          rc("aws_lb.main", "aws_lb", "main", ["delete"], alb(), None)]
    config = {"provider_config": {"aws": {"name": "aws", "full_name": AWS,
                                          "expressions": {"region": {"constant_value": "us-east-1"}}}},
              "root_module": {"resources": []}}
    return plan(ch, config)


# ---- state.json: `terraform show -json` of a state ----------------------------
def state():
    def res(addr, t, n, v, idx=None):
        r = {"address": addr, "mode": "managed", "type": t, "name": n}
        if idx is not None:
            r["index"] = idx
        r.update({"provider_name": AWS, "schema_version": 0, "values": v, "sensitive_values": {}})
        return r
    api = taskdef("api", 3)
    return {"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {
        "resources": [res("aws_ecs_task_definition.api", "aws_ecs_task_definition", "api", api),
                      res("aws_ecs_service.api", "aws_ecs_service", "api", service("api", 1, api["arn"])),
                      res("aws_eip.nat[0]", "aws_eip", "nat", eip(), 0),
                      res("aws_nat_gateway.main[0]", "aws_nat_gateway", "main", nat(), 0)],
        "child_modules": [{"address": "module.db", "resources": [
            res("module.db.aws_db_instance.this", "aws_db_instance", "this", db())]}]}}}


# ---- injection.json: for_each keys made to look like markup -------------------
def injection():
    keys = ['<img src=x onerror=alert(1)>', '[click](https://evil.example)', '| x | y |',
            '**bold** <script>alert(1)</script>', '![i](https://evil.example/i.png)']
    ch = []
    for k in keys:
        addr = "aws_eip.evil[" + json.dumps(k) + "]"
        ch.append(rc(addr, "aws_eip", "evil", ["create"], None, {"domain": "vpc", "tags": {}},
                     unknown={"id": True}, index=k))
    # a configuration costplan does not price (dedicated tenancy), so the
    # key also reaches the not-priced list
    ch.append(rc('aws_instance.q["<a href=https://evil.example>x</a>"]',
                 "aws_instance", "q", ["create"],
                 None, {"instance_type": "t3.micro", "tenancy": "dedicated"},
                 index="<a href=https://evil.example>x</a>"))
    config = {"provider_config": {"aws": {"name": "aws", "full_name": AWS,
                                          "expressions": {"region": {"constant_value": "us-east-1"}}}},
              "root_module": {"resources": []}}
    return plan(ch, config)


if __name__ == "__main__":
    write("guide-change.json", guide_change())
    write("modules.json", modules())
    write("unknowns.json", unknowns())
    write("regions.json", regions())
    write("destroy.json", destroy())
    write("state.json", state())
    write("injection.json", injection())
    # hostile inputs
    g = json.dumps(guide_change(), indent=2)
    with open(os.path.join(HERE, "hostile-truncated.json"), "w") as f:
        f.write(g[: len(g) // 2])
    with open(os.path.join(HERE, "hostile-deep.json"), "w") as f:
        f.write('{"format_version":"1.2","resource_changes":' + "[" * 100000 + "]" * 100000 + "}\n")
    h = modules()
    h["resource_changes"][1]["change"]["after"]["desired_count"] = 1e300
    write("hostile-huge-number.json", h)
    with open(os.path.join(HERE, "hostile-huge-integer.json"), "w") as f:
        f.write(json.dumps(modules()).replace('"desired_count": 2', '"desired_count": 123456789012345678901234567890'))
    h = destroy()
    h["resource_changes"][0]["address"] = 'aws_nat_gateway.main"><script>alert(1)</script>'
    write("hostile-address.json", h)
    h = destroy()
    h["format_version"] = "2.0"
    write("hostile-format-2.json", h)
