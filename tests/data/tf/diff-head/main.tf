provider "aws" {
  region = "us-east-1"
}

variable "api_tasks" {
  default = 2
}

locals {
  azs = ["a", "b"]
}

# one NAT gateway per availability zone
resource "aws_eip" "nat" {
  for_each = toset(local.azs)
  domain   = "vpc"
}

resource "aws_nat_gateway" "main" {
  for_each      = toset(local.azs)
  allocation_id = aws_eip.nat[each.key].id
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
}

resource "aws_ecs_service" "api" {
  name            = "api"
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = var.api_tasks
  launch_type     = "FARGATE"
}

module "queue" {
  for_each = { jobs = 7, mail = 30 }
  source   = "./modules/logs"
  name     = each.key
  days     = each.value
}
