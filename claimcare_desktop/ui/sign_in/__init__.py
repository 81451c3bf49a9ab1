"""Signing in: online against HQ, or offline with the verifier kept from an online sign-in."""
