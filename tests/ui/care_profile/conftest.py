from .handmade import handmade  # noqa: F401
