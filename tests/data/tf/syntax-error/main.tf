variable "project" {
  default = "demo"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  tags = {
    Name = "${var.project}-nat"
    Tier =
  }
}
