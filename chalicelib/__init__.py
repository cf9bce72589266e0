"""SAAI backend: domain, services and adapters behind the Chalice app."""

VERSION = "0.1.0"
