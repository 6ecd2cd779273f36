terraform {
  backend "s3" {
    bucket = "your-project-tf-state"
    key    = "dev/terraform.tfstate"
    region = "us-east-1"
  }

  # completion: the guide uses the AWS provider and random_password without
  # showing its required_providers
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.aws_region
  default_tags {
    tags = {
      Environment = var.environment
      Project     = var.project
      ManagedBy   = "terraform"
    }
  }
}
