locals {
  everything = range(1000000)
}

resource "aws_eip" "e" {
  count = length(local.everything)
}
