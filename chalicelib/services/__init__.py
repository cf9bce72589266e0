"""Use cases: one function each. The tenant is always the first argument."""
