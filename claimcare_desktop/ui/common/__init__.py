"""Helpers shared by several workspaces: table models and views, formatting, messages."""
