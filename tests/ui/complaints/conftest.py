from tests.ui.care_profile.handmade import handmade  # noqa: F401
