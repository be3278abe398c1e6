"""Validation in three layers: YAML, schema, semantics (design.md, "Validate")."""
