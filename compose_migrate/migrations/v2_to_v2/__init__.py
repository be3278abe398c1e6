"""Rules of the v2_to_v2 step (see migrations/__init__.py for the step's range)."""
