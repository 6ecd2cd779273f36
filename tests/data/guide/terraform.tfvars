# completion: the guide keeps its values in a .tfvars file it does not show
project         = "myapp"
environment     = "dev"
certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
