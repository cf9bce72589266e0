"""The local stack: SAAI on one machine with no AWS account."""
