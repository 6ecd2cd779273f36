# completion: the subnet groups that place RDS and Redis in the private subnets
resource "aws_db_subnet_group" "main" {
  name       = "${var.project}-${var.environment}-db"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_elasticache_subnet_group" "main" {
  name       = "${var.project}-${var.environment}-cache"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_instance" "main" {
  identifier                   = "${var.project}-${var.environment}-postgres"
  engine                       = "postgres"
  engine_version               = "16.9"
  instance_class               = "db.t3.micro"
  allocated_storage            = 20
  max_allocated_storage        = 100
  storage_type                 = "gp2"
  storage_encrypted            = true
  db_name                      = "${var.project}_${var.environment}"
  username                     = "postgres"
  password                     = random_password.db_password.result
  vpc_security_group_ids       = [aws_security_group.rds.id]
  db_subnet_group_name         = aws_db_subnet_group.main.name
  backup_retention_period      = 7
  performance_insights_enabled = true
  monitoring_interval          = 60
  monitoring_role_arn          = aws_iam_role.rds_monitoring.arn
  # completion: the guide's listing stops here; a development database
  # needs no final snapshot
  skip_final_snapshot = true
}

resource "aws_elasticache_replication_group" "main" {
  replication_group_id       = "${var.project}-${var.environment}-redis"
  description                = "Redis cluster for ${var.project} ${var.environment} environment"
  node_type                  = "cache.t3.micro"
  port                       = 6379
  parameter_group_name       = "default.redis7"
  num_cache_clusters         = 1
  subnet_group_name          = aws_elasticache_subnet_group.main.name
  security_group_ids         = [aws_security_group.redis.id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  automatic_failover_enabled = false
  multi_az_enabled           = false
  snapshot_retention_limit   = 5
}

# completion: the bucket for app files the task role is allowed to use
resource "aws_s3_bucket" "app" {
  bucket = "${var.project}-${var.environment}-app-files"
}
