"""The customer care profile workspace: find a customer, see and edit their care record."""
