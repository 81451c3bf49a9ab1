"""The Qt desktop app. Only this package imports PySide6 (a test enforces it)."""
