"""The sync tests never touch the OS keyring of the PC they run on (a developer's own)."""
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
