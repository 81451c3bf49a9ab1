"""The morning reminder: visits due today and complaints close to breach."""
