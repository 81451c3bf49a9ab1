"""Suite-wide settings: hypothesis profiles, the PostgreSQL server fixtures, no OS keyring."""
from __future__ import annotations

import os

from hypothesis import settings

from tests.support.keyring_guard import no_os_keyring  # noqa: F401 - autouse, suite-wide
from tests.support.fixtures import (  # noqa: F401
    fresh_pg_url,
    hq_engine,
    hq_template_db,
    live_hq,
    profile_template,
    shared_hq,
    pg_cluster,
)

# HYPOTHESIS_PROFILE=ci is set by `dev.py test`; the sync state machine scales its own
# example count from the profile name (tests/sync/test_state_machine.py).
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("deep", max_examples=100, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
