resource "aws_secretsmanager_secret" "db_credentials" {
  name        = "${var.project}-${var.environment}-db-credentials"
  description = "Database credentials for ${var.environment} environment"
}

resource "aws_secretsmanager_secret_version" "db_credentials" {
  secret_id = aws_secretsmanager_secret.db_credentials.id
  secret_string = jsonencode({
    db_password = random_password.db_password.result
    db_server   = split(":", aws_db_instance.main.endpoint)[0]
    db_user     = aws_db_instance.main.username
    db_name     = aws_db_instance.main.db_name
  })
}

resource "random_password" "db_password" {
  length  = 16
  special = true
}

# completion: the four other secrets the execution role may read
locals {
  other_secrets = {
    redis_url         = "Redis connection URL"
    app_secret        = "Application secret key"
    oauth_credentials = "OAuth client credentials"
    api_keys          = "Third-party API keys"
  }
}

resource "aws_secretsmanager_secret" "redis_url" {
  name        = "${var.project}-${var.environment}-redis-url"
  description = "${local.other_secrets.redis_url} for ${var.environment} environment"
}

resource "aws_secretsmanager_secret" "app_secret" {
  name        = "${var.project}-${var.environment}-app-secret"
  description = "${local.other_secrets.app_secret} for ${var.environment} environment"
}

resource "aws_secretsmanager_secret" "oauth_credentials" {
  name        = "${var.project}-${var.environment}-oauth-credentials"
  description = "${local.other_secrets.oauth_credentials} for ${var.environment} environment"
}

resource "aws_secretsmanager_secret" "api_keys" {
  name        = "${var.project}-${var.environment}-api-keys"
  description = "${local.other_secrets.api_keys} for ${var.environment} environment"
}
