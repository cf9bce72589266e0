"""Adapters: the only code that talks to AWS. They turn botocore errors into ours."""
