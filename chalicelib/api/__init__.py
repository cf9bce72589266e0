"""Entry points: Chalice blueprints, the authorizer and the error mapping."""
