# Fuzz seed: every function family, templates, for expressions and splats.
variable "names" {
  type    = list(string)
  default = ["api", "worker"]
}
variable "sizes" {
  type = map(object({ cpu = number, mem = optional(number, 512) }))
  default = { api = { cpu = 256 }, worker = { cpu = 512, mem = 1024 } }
}
locals {
  a = [for n in var.names : upper(n) if n != ""]
  b = { for k, v in var.sizes : k => v.cpu * 2 }
  c = { for n in var.names : substr(n, 0, 1) => n... }
  d = "%{ for n in var.names ~}${n}-%{ endfor ~}"
  e = <<-EOT
    ${join(",", local.a)}
      ${format("%05.1f|%-3s|%x", 3.14159, "x", 255)}
    %{ if length(local.a) > 1 }many%{ else }one%{ endif }
  EOT
  f = try(local.b.none, lookup(local.b, "api", 0))
  g = cidrsubnets("10.0.0.0/16", 4, 8, 4)
  h = [cidrhost("10.0.1.0/24", -2), cidrnetmask("10.0.0.0/12"), cidrsubnet("fd00::/56", 8, 2)]
  i = jsondecode(jsonencode({ x = [1, 2.5, true, null], y = "<&>" }))
  j = merge(local.b, { extra = 1 }, null)
  k = flatten([range(3), [[4]], concat([5], [6])])
  l = distinct(compact(["a", "", "a", "b"]))
  m = zipmap(keys(local.b), values(local.b))
  n = regexall("[0-9]+", "a1b22c333")
  o = replace("a-b_c", "/[-_]/", ".")
  p = coalesce(null, "", "x")
  q = can(tonumber("x")) ? 1 : sum([1, 2, 3])
  r = setunion(toset(["a"]), ["b"])
  s = element(local.a, 3)
  t = one([for x in local.a : x if x == "API"])
  u = [min(3, 1), max(2, 9), abs(-1), ceil(1.1), floor(1.9), pow(2, 3), signum(-2)]
  v = split(",", trimspace("  a,b  "))
  w = alltrue([true, anytrue([false, true])])
  x = formatlist("%s=%d", local.a, [1, 2])
  y = base64decode(base64encode(title("hello world")))
  z = [startswith("abc", "a"), endswith("abc", "c"), strcontains("abc", "b"), strrev("abc")]
}
resource "aws_security_group" "sg" {
  for_each = var.sizes
  name     = each.key
  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port = ingress.value
    }
  }
}
resource "aws_eip" "e" {
  count = length(var.names)
  tags  = { n = count.index, all = aws_security_group.sg[*], ids = values(aws_security_group.sg)[*].id }
}
module "m" {
  source = "./modules/m"
  x      = local.b
}
output "o" {
  value = [module.m.y, local.e, aws_eip.e[0].id]
}
#--- module
variable "x" {}
resource "aws_nat_gateway" "n" {
  for_each      = var.x
  allocation_id = "eipalloc-${each.value}"
}
output "y" {
  value = { for k, v in aws_nat_gateway.n : k => v.id }
}
