"""Sub-commands of `claimcare-desktop`, one module each (see cli.py)."""
