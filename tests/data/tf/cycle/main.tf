locals {
  name   = "${local.prefix}-app"
  prefix = "${local.env}-x"
  env    = substr(local.name, 0, 3)
}

resource "aws_s3_bucket" "files" {
  bucket = local.name
}
