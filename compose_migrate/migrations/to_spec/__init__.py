"""Rules of the to_spec step (see migrations/__init__.py for the step's range)."""
