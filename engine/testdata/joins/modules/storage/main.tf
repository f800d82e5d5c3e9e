resource "aws_s3_bucket" "inner" {}

output "bucket_id" {
  value = aws_s3_bucket.inner.id
}
