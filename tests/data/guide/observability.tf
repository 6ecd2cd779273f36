resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.project}-${var.environment}-app"
  retention_in_days = 7
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/${var.project}-${var.environment}-worker"
  retention_in_days = 7
}

# completion: the frontend's log group, like the others
resource "aws_cloudwatch_log_group" "frontend" {
  name              = "/ecs/${var.project}-${var.environment}-frontend"
  retention_in_days = 7
}

# completion: the dashboard the guide describes (ECS CPU/memory, RDS
# connections) but does not show
resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = "${var.project}-${var.environment}"
  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "metric"
        width  = 12
        height = 6
        properties = {
          title   = "ECS CPU and memory"
          region  = var.aws_region
          metrics = [for svc in ["api", "worker", "frontend"] : ["AWS/ECS", "CPUUtilization", "ServiceName", "${var.project}-${var.environment}-${svc}", "ClusterName", aws_ecs_cluster.main.name]]
        }
      },
      {
        type   = "metric"
        width  = 12
        height = 6
        properties = {
          title   = "RDS connections"
          region  = var.aws_region
          metrics = [["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", aws_db_instance.main.identifier]]
        }
      }
    ]
  })
}
