variable "name" {
  type    = string
  default = "shop"
}
variable "cidr" {
  type    = string
  default = "10.20.0.0/16"
}
variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}
variable "public_subnets" {
  type    = list(string)
  default = []
}
variable "enable_nat_gateway" {
  type    = bool
  default = true
}
variable "single_nat_gateway" {
  type    = bool
  default = false
}
variable "one_nat_gateway_per_az" {
  type    = bool
  default = true
}
variable "tags" {
  type    = map(string)
  default = { Owner = "platform" }
}
variable "services" {
  type = map(object({
    cpu    = optional(number, 256)
    memory = optional(number, 512)
    count  = optional(number, 1)
    arm    = optional(bool, false)
  }))
  default = {
    api    = { cpu = 512, memory = 1024, count = 2 }
    worker = { arm = true }
  }
}
variable "public_subnet_names" {
  type    = list(string)
  default = []
}
