"""Command-line tools: the local stack, data loading and stage administration."""
