# Join cases for TestGoIndexMatchesRego: every way a configuring resource
# can name (or fail to name) its parent, for gate.lib.aws's join indexes.

variable "bucket_name" {
  type = string
}

data "aws_s3_bucket" "existing" {
  bucket = "existing-bucket"
}

data "aws_vpc" "shared" {
  default = true
}

module "storage" {
  source = "./modules/storage"
}

resource "aws_s3_bucket" "named" {
  bucket = "literal-bucket"
}

resource "aws_s3_bucket" "anonymous" {}

resource "aws_s3_bucket" "from_var" {
  bucket = var.bucket_name
}

# By reference.
resource "aws_s3_bucket_versioning" "by_ref" {
  bucket = aws_s3_bucket.anonymous.id
  versioning_configuration {
    status = "Enabled"
  }
}

# By a literal only: matches the bucket whose name is the literal.
resource "aws_s3_bucket_public_access_block" "by_literal" {
  bucket                  = "literal-bucket"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Through an intermediate resource of another kind.
resource "aws_s3_bucket_policy" "through_pab" {
  bucket = aws_s3_bucket_public_access_block.by_literal.bucket
  policy = "{}"
}

# Floating: a variable, a data source, a module output.
resource "aws_s3_bucket_server_side_encryption_configuration" "from_var" {
  bucket = var.bucket_name
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_acl" "from_data" {
  bucket = data.aws_s3_bucket.existing.id
  acl    = "private"
}

resource "aws_s3_bucket_ownership_controls" "from_module" {
  bucket = module.storage.bucket_id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Two attributes naming parents, one by reference and one by literal.
resource "aws_s3_bucket_logging" "both" {
  bucket        = aws_s3_bucket.named.id
  target_bucket = "literal-bucket"
  target_prefix = "logs/"
}

# The default VPC and default security group are parents of their kind.
resource "aws_default_vpc" "default" {}

resource "aws_flow_log" "default_vpc" {
  vpc_id          = aws_default_vpc.default.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}

resource "aws_flow_log" "data_vpc" {
  vpc_id          = data.aws_vpc.shared.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_default_vpc.default.id
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_default_vpc.default.id
}

resource "aws_security_group_rule" "by_ref" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}

resource "aws_vpc_security_group_ingress_rule" "default_sg" {
  security_group_id = aws_default_security_group.default.id
  cidr_ipv4         = "10.0.0.0/8"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "literal_id" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

# Counted children of one parent.
resource "aws_s3_bucket_versioning" "counted" {
  count  = 2
  bucket = aws_s3_bucket.named.id
  versioning_configuration {
    status = "Suspended"
  }
}

# A data source is not an intermediate, even when its own attribute refers
# to a bucket: the child floats.
data "aws_s3_bucket_policy" "lookup" {
  bucket = aws_s3_bucket.named.id
}

resource "aws_s3_bucket_versioning" "through_data" {
  bucket = data.aws_s3_bucket_policy.lookup.bucket
  versioning_configuration {
    status = "Enabled"
  }
}
