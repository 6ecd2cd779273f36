variable "region" {
  default = "us-east-1"
}

variable "db_class" {
  description = "RDS instance class"
  type        = string
}
