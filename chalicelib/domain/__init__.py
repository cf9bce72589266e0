"""The domain: records, rules and input models. No I/O here."""
