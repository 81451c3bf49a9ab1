"""The status bar: who is signed in, where, and how sync stands."""
