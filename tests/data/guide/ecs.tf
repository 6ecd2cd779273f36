resource "aws_ecs_cluster" "main" {
  name = "${var.project}-${var.environment}-cluster"
  setting {
    name  = "containerInsights"
    value = "disabled" # Enable for production
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "${var.project}-backend-service"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  task_role_arn            = aws_iam_role.ecs_task.arn
  lifecycle {
    ignore_changes = [container_definitions]
  }
  container_definitions = jsonencode([{
    name  = "${var.project}-backend"
    image = "nginx:latest" # Placeholder — CI/CD manages the real image
    portMappings = [{
      containerPort = 8000
      protocol      = "tcp"
    }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.app.name
        "awslogs-region"        = var.aws_region
        "awslogs-stream-prefix" = "ecs"
      }
    }
  }])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.project}-worker-service"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  task_role_arn            = aws_iam_role.ecs_task.arn
  lifecycle {
    ignore_changes = [container_definitions]
  }
  container_definitions = jsonencode([{
    name    = "${var.project}-worker"
    image   = "nginx:latest"
    command = ["python", "app/workers/run_worker.py"]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.worker.name
        "awslogs-region"        = var.aws_region
        "awslogs-stream-prefix" = "ecs"
      }
    }
  }])
}

# completion: the Next.js frontend's task definition (port 3000), sized like
# the others
resource "aws_ecs_task_definition" "frontend" {
  family                   = "${var.project}-frontend-service"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  task_role_arn            = aws_iam_role.ecs_task.arn
  lifecycle {
    ignore_changes = [container_definitions]
  }
  container_definitions = jsonencode([{
    name  = "${var.project}-frontend"
    image = "nginx:latest"
    portMappings = [{
      containerPort = 3000
      protocol      = "tcp"
    }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.frontend.name
        "awslogs-region"        = var.aws_region
        "awslogs-stream-prefix" = "ecs"
      }
    }
  }])
}

# completion: the three services, one task each, in the private subnets; the
# API and the frontend behind the load balancer, the worker without one
locals {
  services = {
    api      = { task = aws_ecs_task_definition.app.arn, port = 8000, target = aws_lb_target_group.app.arn }
    frontend = { task = aws_ecs_task_definition.frontend.arn, port = 3000, target = aws_lb_target_group.frontend.arn }
  }
}

resource "aws_ecs_service" "api" {
  name            = "${var.project}-${var.environment}-api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 1
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.ecs.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = local.services.api.target
    container_name   = "${var.project}-backend"
    container_port   = local.services.api.port
  }
}

resource "aws_ecs_service" "worker" {
  name            = "${var.project}-${var.environment}-worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 1
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.ecs.id]
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "frontend" {
  name            = "${var.project}-${var.environment}-frontend"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.frontend.arn
  desired_count   = 1
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.ecs.id]
    assign_public_ip = false
  }
  dynamic "load_balancer" {
    for_each = { frontend = local.services.frontend }
    content {
      target_group_arn = load_balancer.value.target
      container_name   = "${var.project}-${load_balancer.key}"
      container_port   = load_balancer.value.port
    }
  }
}
