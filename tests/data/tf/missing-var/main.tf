provider "aws" {
  region = var.region
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = var.db_class
  allocated_storage = 20
}
