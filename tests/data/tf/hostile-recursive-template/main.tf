resource "aws_s3_bucket" "b" {
  bucket = templatefile("${path.module}/self.tpl", {})
}
