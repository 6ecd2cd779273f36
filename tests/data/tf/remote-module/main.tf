provider "aws" {
  region = "us-east-1"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  name    = "demo"
  cidr    = "10.0.0.0/16"
}

module "alerts" {
  source = "git::https://example.com/org/alerts.git?ref=v2"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = module.vpc.public_subnets[0]
}

resource "aws_eip" "nat" {
  domain = "vpc"
}
