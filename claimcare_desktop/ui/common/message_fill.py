"""Filling `{name}` placeholders of a translated message without failing on a bad translation."""
from __future__ import annotations

from typing import Any


def fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
