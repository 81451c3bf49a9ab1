"""ClaimCare Desktop: after-claim customer care for insurer branches."""

__version__ = "0.1.0"
