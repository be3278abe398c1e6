"""Lint rules, one module each (see lint/base.py for the shape)."""
