"""Helpers shared by the test suite (PostgreSQL server, HQ server, device profiles)."""
