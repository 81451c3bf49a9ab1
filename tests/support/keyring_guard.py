"""No test touches the OS keyring of the PC it runs on (a developer's own): sign-ins in the
sync and UI tests would store HQ tokens there."""
import keyring
import pytest
from keyring.backends import fail


@pytest.fixture(autouse=True)
def no_os_keyring():
    """keyring's `fail` backend, as on headless CI; a test installs its own backend over it."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
