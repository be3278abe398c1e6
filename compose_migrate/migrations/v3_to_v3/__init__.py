"""Rules of the v3_to_v3 step (see migrations/__init__.py for the step's range)."""
