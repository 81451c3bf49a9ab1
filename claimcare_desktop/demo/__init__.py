"""Realistic, reproducible demo data: see `generator.generate` and `loader.load_into_profile`."""
