provider "aws" {
  region = "eu-west-1"
}

locals {
  public_subnets     = length(var.public_subnets) > 0 ? var.public_subnets : [for i, az in var.azs : cidrsubnet(var.cidr, 8, i)]
  len_public_subnets = length(local.public_subnets)
  nat_gateway_count  = var.single_nat_gateway ? 1 : var.one_nat_gateway_per_az ? length(var.azs) : local.len_public_subnets
  vpc_id             = try(aws_vpc.this[0].id, "")
  tags               = merge({ Name = var.name }, var.tags, { Terraform = "true" })
  az_suffixes        = [for az in var.azs : regex("[a-z]$", az)]
}

resource "aws_vpc" "this" {
  count      = 1
  cidr_block = var.cidr
  tags       = merge(local.tags, { Tier = "vpc" })
}

resource "aws_internet_gateway" "this" {
  count  = local.len_public_subnets > 0 ? 1 : 0
  vpc_id = local.vpc_id
}

resource "aws_subnet" "public" {
  count             = local.len_public_subnets
  vpc_id            = local.vpc_id
  cidr_block        = element(concat(local.public_subnets, [""]), count.index)
  availability_zone = length(regexall("^[a-z]{2}-", element(var.azs, count.index))) > 0 ? element(var.azs, count.index) : null
  tags = merge(local.tags, {
    Name = try(var.public_subnet_names[count.index], format("%s-public-%s", var.name, local.az_suffixes[count.index]))
  })
}

resource "aws_eip" "nat" {
  count      = var.enable_nat_gateway ? local.nat_gateway_count : 0
  domain     = "vpc"
  depends_on = [aws_internet_gateway.this]
}

resource "aws_nat_gateway" "this" {
  count         = var.enable_nat_gateway ? local.nat_gateway_count : 0
  allocation_id = element(aws_eip.nat[*].id, var.single_nat_gateway ? 0 : count.index)
  subnet_id     = element(aws_subnet.public[*].id, var.single_nat_gateway ? 0 : count.index)
  tags          = merge(local.tags, { Name = format("%s-%s", var.name, element(var.azs, count.index)) })
}

resource "aws_ecs_task_definition" "svc" {
  for_each                 = var.services
  family                   = "${var.name}-${each.key}"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  requires_compatibilities = ["FARGATE"]
  dynamic "runtime_platform" {
    for_each = each.value.arm ? [1] : []
    content {
      cpu_architecture        = "ARM64"
      operating_system_family = "LINUX"
    }
  }
}

resource "aws_ecs_service" "svc" {
  for_each        = var.services
  name            = each.key
  task_definition = aws_ecs_task_definition.svc[each.key].arn
  desired_count   = var.services[each.key].count
  launch_type     = "FARGATE"
}
