"""Sync with HQ: wire protocol, HTTP client, and the engine that pushes and pulls (no Qt)."""
