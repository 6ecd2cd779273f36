# completion: the guide refers to these variables without declaring them;
# values that differ per deployment are in terraform.tfvars

variable "project" {
  description = "Project name, used in resource names"
  type        = string
}

variable "environment" {
  description = "Deployment environment (development, production)"
  type        = string
}

variable "aws_region" {
  description = "Region for every resource"
  type        = string
  default     = "us-east-1"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC (a /16, split into /24 subnets)"
  type        = string
  default     = "10.0.0.0/16"
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener"
  type        = string
}

variable "api_domain" {
  type    = string
  default = "api.example.com"
}

variable "app_domain" {
  type    = string
  default = "app.example.com"
}
