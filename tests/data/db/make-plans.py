#!/usr/bin/env python3
# make-plans.py - writes tests/data/plans/db-*.json, the Terraform `show -json` plans of the
# database types (format_version 1.2). Run from the repository root.
import json
def rc(addr, after, unknown=None, actions=("create",), before=None):
    t, n = addr.split("[")[0].split(".")
    extra = {"index": int(addr.split("[")[1].rstrip("]"))} if "[" in addr else {}
    return dict(extra, **{"address": addr, "mode": "managed", "type": t, "name": n,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": list(actions), "before": before, "after": after,
                       "after_unknown": unknown or {}, "before_sensitive": {}, "after_sensitive": {}}})
def cfg(addr, exprs):
    t, n = addr.split(".")
    return {"address": addr, "mode": "managed", "type": t, "name": n,
            "provider_config_key": "aws", "expressions": exprs, "schema_version": 2}
def plan(region, changes, conf):
    return {"format_version": "1.2", "terraform_version": "1.9.8",
            "variables": {"region": {"value": region}},
            "resource_changes": changes,
            "configuration": {"provider_config": {"aws": {"name": "aws",
                "full_name": "registry.terraform.io/hashicorp/aws",
                "expressions": {"region": {"references": ["var.region"]}}}},
                "root_module": {"resources": conf}},
            "timestamp": "2026-12-04T12:00:00Z", "applyable": True, "complete": True, "errored": False}
base = {"engine_version": "16.9", "storage_encrypted": True, "backup_retention_period": 7,
        "performance_insights_enabled": False, "performance_insights_retention_period": 0,
        "monitoring_interval": 0, "deletion_protection": False, "iops": 0, "storage_throughput": 0,
        "max_allocated_storage": 0, "tags": {}}
def db(**kw):
    d = dict(base); d.update(kw); return d
U = {"arn": True, "id": True, "endpoint": True, "address": True}
changes = [
    rc("aws_db_instance.main", db(identifier="app-db", engine="postgres", instance_class="db.m6g.large",
       multi_az=True, allocated_storage=100, storage_type="gp3", iops=3000, storage_throughput=125,
       replicate_source_db=None), U),
    # a replica found by the identifier its plan holds; engine and storage left to AWS
    rc("aws_db_instance.replica", db(identifier="app-db-replica", replicate_source_db="app-db",
       instance_class="db.m6g.large", multi_az=False, backup_retention_period=0, engine_version=None,
       allocated_storage=None, storage_type=None, iops=None, storage_throughput=None),
       dict(U, engine=True, engine_version=True, allocated_storage=True, storage_type=True, iops=True,
            storage_throughput=True)),
    # a replica whose source identifier is known only after apply: the configuration says which
    rc("aws_db_instance.reporting", db(identifier="app-db-reporting", instance_class="db.t4g.medium",
       multi_az=False, backup_retention_period=0, engine_version=None,
       allocated_storage=None, storage_type=None, iops=None, storage_throughput=None),
       dict(U, replicate_source_db=True, engine=True, engine_version=True, allocated_storage=True,
            storage_type=True, iops=True, storage_throughput=True)),
    rc("aws_db_instance.orders", db(identifier="orders", engine="mysql", engine_version="8.0.39",
       instance_class="db.r7g.large", multi_az=True, allocated_storage=200, storage_type="io1", iops=5000,
       replicate_source_db=None), U),
    rc("aws_db_instance.legacy", db(identifier="legacy", engine="mariadb", engine_version="10.11",
       instance_class="db.t4g.small", multi_az=False, allocated_storage=20, storage_type="gp2",
       replicate_source_db=None), U),
    # a typo, an Aurora-only class, a class of Multi-AZ DB clusters, an engine costplan does not price
    rc("aws_db_instance.typo", db(identifier="typo", engine="postgres", instance_class="db.m7g.larg",
       multi_az=False, allocated_storage=20, storage_type="gp2", replicate_source_db=None), U),
    rc("aws_db_instance.graviton4", db(identifier="g4", engine="postgres", instance_class="db.r8g.large",
       multi_az=False, allocated_storage=20, storage_type="gp2", replicate_source_db=None), U),
    rc("aws_db_instance.nvme", db(identifier="nvme", engine="mariadb", instance_class="db.c6gd.large",
       multi_az=False, allocated_storage=20, storage_type="gp2", replicate_source_db=None), U),
    rc("aws_db_instance.oracle", db(identifier="ora", engine="oracle-ee", instance_class="db.m5.large",
       multi_az=False, allocated_storage=100, storage_type="gp3", replicate_source_db=None), U),
]
conf = [
    cfg("aws_db_instance.main", {"identifier": {"constant_value": "app-db"}}),
    cfg("aws_db_instance.replica", {"replicate_source_db": {"constant_value": "app-db"}}),
    cfg("aws_db_instance.reporting", {"replicate_source_db": {"references":
        ["aws_db_instance.main.identifier", "aws_db_instance.main"]}}),
]
json.dump(plan("eu-west-1", changes, conf), open("tests/data/plans/db-instances.json", "w"), indent=1)

# ---- Aurora and Multi-AZ DB clusters ----
def cluster(**kw):
    d = {"engine_version": "16.4", "engine_mode": "provisioned", "storage_type": "", "backup_retention_period": 7,
         "backtrack_window": 0, "db_cluster_instance_class": None, "allocated_storage": None, "iops": None,
         "serverlessv2_scaling_configuration": [], "storage_encrypted": True, "deletion_protection": True,
         "tags": {}}
    d.update(kw); return d
def member(**kw):
    d = {"engine_version": "16.4", "performance_insights_enabled": False, "monitoring_interval": 0,
         "promotion_tier": 0, "tags": {}}
    d.update(kw); return d
CU = {"arn": True, "id": True, "endpoint": True, "reader_endpoint": True}
IU = {"arn": True, "id": True, "endpoint": True, "cluster_identifier": True, "identifier": True,
      "performance_insights_retention_period": True}
changes = [
    rc("aws_rds_cluster.app", cluster(cluster_identifier="app", engine="aurora-postgresql"), CU),
    # two provisioned writers/readers; the cluster's id is known only after apply
    rc("aws_rds_cluster_instance.app[0]", member(engine="aurora-postgresql", instance_class="db.r7g.large"), IU),
    rc("aws_rds_cluster_instance.app[1]", member(engine="aurora-postgresql", instance_class="db.r7g.large"), IU),
    # Aurora MySQL I/O-Optimized, Serverless v2; the instance names its cluster by identifier
    rc("aws_rds_cluster.orders", cluster(cluster_identifier="orders", engine="aurora-mysql",
       engine_version="8.0.mysql_aurora.3.08.0", storage_type="aurora-iopt1",
       serverlessv2_scaling_configuration=[{"min_capacity": 0.5, "max_capacity": 8}]), CU),
    rc("aws_rds_cluster_instance.orders", member(cluster_identifier="orders", engine="aurora-mysql",
       engine_version="8.0.mysql_aurora.3.08.0", instance_class="db.serverless"),
       dict(IU, cluster_identifier=False)),
    # a Multi-AZ DB cluster: a writer and two readable standbys, priced once
    rc("aws_rds_cluster.ledger", cluster(cluster_identifier="ledger", engine="postgres",
       db_cluster_instance_class="db.m6gd.large", storage_type="io1", allocated_storage=100, iops=1000), CU),
    # Aurora Serverless v1: not priced; and so its instance-less cluster's member
    rc("aws_rds_cluster.legacy", cluster(cluster_identifier="legacy", engine="aurora-mysql",
       engine_mode="serverless"), CU),
    rc("aws_rds_cluster_instance.typo", member(cluster_identifier="app", engine="aurora-postgresql",
       instance_class="db.r7g.larg"), dict(IU, cluster_identifier=False)),
    rc("aws_rds_cluster_instance.rds_class", member(cluster_identifier="app", engine="aurora-postgresql",
       instance_class="db.m7i.large"), dict(IU, cluster_identifier=False)),
]
conf = [
    cfg("aws_rds_cluster_instance.app", {"cluster_identifier": {"references":
        ["aws_rds_cluster.app.id", "aws_rds_cluster.app"]}}),
]
json.dump(plan("us-east-1", changes, conf), open("tests/data/plans/db-aurora.json", "w"), indent=1)

# ---- values known only after apply: the rules the loader checks make a resource not priced ----
changes = [
    rc("aws_db_instance.engine_later", db(identifier="later", engine=None, instance_class="db.t4g.micro",
       multi_az=False, allocated_storage=20, storage_type="gp2", replicate_source_db=None),
       dict(U, engine=True)),
    rc("aws_db_instance.iops_later", db(identifier="iops", engine="postgres", instance_class="db.m6g.large",
       multi_az=False, allocated_storage=200, storage_type="io1", iops=None, replicate_source_db=None),
       dict(U, iops=True)),
    rc("aws_db_instance.fine", db(identifier="fine", engine="postgres", instance_class="db.t4g.micro",
       multi_az=False, allocated_storage=20, storage_type="gp2", replicate_source_db=None), U),
    rc("aws_db_instance.orphan_replica", db(identifier="orphan", replicate_source_db="db-outside-this-plan",
       instance_class="db.t4g.micro", multi_az=False, backup_retention_period=0, engine_version=None,
       allocated_storage=None, storage_type=None, iops=None, storage_throughput=None),
       dict(U, engine=True, engine_version=True, allocated_storage=True, storage_type=True, iops=True,
            storage_throughput=True)),
    rc("aws_rds_cluster.ledger", cluster(cluster_identifier="ledger", engine="mysql",
       db_cluster_instance_class="db.r6gd.large", storage_type=None, allocated_storage=100, iops=1000),
       dict(CU, storage_type=True)),
    rc("aws_rds_cluster_instance.outside", member(cluster_identifier="cluster-outside-this-plan",
       engine="aurora-postgresql", instance_class="db.r7g.large"), dict(IU, cluster_identifier=False)),
]
json.dump(plan("us-east-1", changes, []), open("tests/data/plans/db-unknowns.json", "w"), indent=1)
