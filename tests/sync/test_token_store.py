"""The HQ token in the OS keyring (an in-process backend here), or in sync_state without one."""
from __future__ import annotations

import io
import logging
from contextlib import contextmanager

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError, PasswordSetError

from claimcare_desktop.cli import main
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.paths import database_file
from claimcare_desktop.sync import session, state, token_store
from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.errors import NotSignedIn
from tests.support.branches import PASSWORD, seed_branch
from tests.support.devices import new_profile, signed_in_engine


class MemoryKeyring(KeyringBackend):
    """A keyring backend of this process only, as the OS keyring would behave."""
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class RefusingKeyring(MemoryKeyring):
    """A keyring that exists but will not take a password (locked, access denied)."""

    def set_password(self, service, username, password):
        raise PasswordSetError("locked")


@contextmanager
def installed(backend):
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    with installed(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def profile(profile_template, tmp_path):
    opened = new_profile(profile_template, tmp_path / "pc")
    yield opened
    opened.close()


def _stored(profile) -> dict[str, str | None]:
    with profile.engine.connect() as conn:
        return {key: state.read(conn, key) for key in (state.HQ_TOKEN, state.HQ_TOKEN_IN)}


def _file_bytes(folder) -> bytes:
    main_file = database_file(folder)
    wal = main_file.with_name(main_file.name + "-wal")
    return main_file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _keep(profile, token: str) -> None:
    with profile.engine.begin() as conn:
        token_store.store(conn, state.device_id(profile), token)


def _sync(monkeypatch, capsys, folder, url, user, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["sync", "--profile", str(folder), "--hq", url, "--user", user])
    return code, capsys.readouterr().err


@pytest.mark.postgres
def test_headless_sync_keeps_the_token_in_the_keyring_and_only_a_marker_in_the_profile(
        live_hq, memory_keyring, tmp_path, monkeypatch, capsys, caplog):
    caplog.set_level(logging.INFO, logger=token_store.__name__)
    branch = seed_branch(live_hq.engine, customers=1)
    folder, user = tmp_path / "pc", f"{branch.code}.mgr1"
    assert _sync(monkeypatch, capsys, folder, live_hq.url, user, PASSWORD + "\n")[0] == 0
    profile = open_profile(folder)
    device = state.device_id(profile)
    [(service, _account)] = memory_keyring.entries
    token = memory_keyring.entries[(service, token_store.ACCOUNT)]
    assert service == f"ClaimCare HQ token {device}"
    assert _stored(profile) == {state.HQ_TOKEN: None, state.HQ_TOKEN_IN: "keyring"}
    assert session.remembered(profile).token == token
    profile.close()
    assert token.encode() not in _file_bytes(folder)
    assert "kept in the OS keyring (tests.sync.test_token_store.MemoryKeyring)" in caplog.text

    # the next round finds the token in the keyring: no password asked
    assert _sync(monkeypatch, capsys, folder, live_hq.url, user)[0] == 0
    HqClient(live_hq.url, token).sign_out()
    code, err = _sync(monkeypatch, capsys, folder, live_hq.url, user, PASSWORD + "\n")
    assert code == 0 and "signing in again" in err
    renewed = memory_keyring.entries[(service, token_store.ACCOUNT)]
    assert renewed != token and renewed.encode() not in _file_bytes(folder)


@pytest.mark.postgres
def test_without_a_keyring_the_token_stays_in_the_profile_and_is_forgotten_there(
        live_hq, no_os_keyring, profile, caplog):  # no_os_keyring: conftest
    caplog.set_level(logging.INFO, logger=token_store.__name__)
    branch = seed_branch(live_hq.engine, customers=1)
    client = HqClient(live_hq.url)
    result = session.sign_in(profile, client, f"{branch.code}.sup", PASSWORD)
    assert _stored(profile) == {state.HQ_TOKEN: result.token, state.HQ_TOKEN_IN: None}
    assert "no OS keyring on this PC" in caplog.text
    assert session.engine_for(profile, client).run_once().received > 0
    session.forget_token(profile)
    assert _stored(profile) == {state.HQ_TOKEN: None, state.HQ_TOKEN_IN: None}
    with pytest.raises(NotSignedIn):
        session.engine_for(profile, client)
    client.close()


@pytest.mark.postgres
def test_a_token_an_older_version_left_in_the_profile_moves_into_the_keyring(
        live_hq, memory_keyring, profile):
    branch = seed_branch(live_hq.engine, customers=1)
    old = signed_in_engine(profile, live_hq, branch, f"{branch.code}.sup")  # token in sync_state
    old.client.close()
    token = _stored(profile)[state.HQ_TOKEN]
    client = HqClient(live_hq.url)
    assert session.engine_for(profile, client).run_once().received > 0
    service = token_store.service_name(state.device_id(profile))
    assert memory_keyring.entries == {(service, token_store.ACCOUNT): token}
    assert _stored(profile) == {state.HQ_TOKEN: None, state.HQ_TOKEN_IN: "keyring"}
    assert session.remembered(profile).token == token
    client.close()


def test_forget_removes_the_token_from_the_keyring_and_the_profile(memory_keyring, profile):
    _keep(profile, "kept-token")
    with profile.engine.begin() as conn:  # as if a crash left an old copy behind
        state.write(conn, state.HQ_TOKEN, "old-copy")
    assert memory_keyring.entries and session.remembered(profile).token == "kept-token"
    session.forget_token(profile)
    assert memory_keyring.entries == {}
    assert _stored(profile) == {state.HQ_TOKEN: None, state.HQ_TOKEN_IN: None}
    assert session.remembered(profile).token is None
    session.forget_token(profile)  # forgetting twice is harmless


def test_a_keyring_that_refuses_the_token_leaves_it_in_the_profile(profile, caplog):
    caplog.set_level(logging.INFO, logger=token_store.__name__)
    with installed(RefusingKeyring()):
        _keep(profile, "refused-token")
        assert _stored(profile) == {state.HQ_TOKEN: "refused-token", state.HQ_TOKEN_IN: None}
        assert session.remembered(profile).token == "refused-token"
    assert "refused the HQ token" in caplog.text


def test_profiles_on_one_pc_keep_their_tokens_apart(memory_keyring, profile_template, tmp_path):
    first = new_profile(profile_template, tmp_path / "first")
    second = new_profile(profile_template, tmp_path / "second")
    _keep(first, "token-one")
    _keep(second, "token-two")
    assert len(memory_keyring.entries) == 2
    assert (session.remembered(first).token, session.remembered(second).token) == (
        "token-one", "token-two")
    first.close()
    second.close()


def test_a_keyring_token_on_a_pc_without_a_keyring_means_signing_in_again(
        profile, caplog):
    with installed(MemoryKeyring()):
        _keep(profile, "elsewhere")
    with installed(fail.Keyring()):
        assert session.remembered(profile).token is None
        client = HqClient("http://127.0.0.1:9")
        with pytest.raises(NotSignedIn):
            session.engine_for(profile, client)
        client.close()
    assert "cannot open: sign in online again" in caplog.text


def test_a_moved_or_forgotten_token_leaves_no_copy_in_the_profile_file(
        memory_keyring, profile_template, tmp_path):
    folder = tmp_path / "old"
    old = new_profile(profile_template, folder)
    state.device_id(old)
    with old.engine.begin() as conn:  # an older version's sign-in
        state.write(conn, state.HQ_TOKEN, "plain-token-of-an-older-version")
    assert session.remembered(old).token == "plain-token-of-an-older-version"
    assert b"plain-token-of-an-older-version" not in _file_bytes(folder)
    with installed(fail.Keyring()):
        _keep(old, "token-kept-without-a-keyring")
        session.forget_token(old)
    assert b"token-kept-without-a-keyring" not in _file_bytes(folder)
    old.close()


@pytest.mark.postgres
def test_signing_in_with_a_keyring_erases_the_plain_token_an_older_version_kept(
        live_hq, memory_keyring, tmp_path):
    branch = seed_branch(live_hq.engine, customers=1)
    folder = tmp_path / "pc"
    profile = open_profile(folder)
    state.device_id(profile)
    with profile.engine.begin() as conn:
        state.write(conn, state.HQ_TOKEN, "plain-token-of-an-older-version")
    client = HqClient(live_hq.url)
    result = session.sign_in(profile, client, f"{branch.code}.mgr2", PASSWORD)
    client.close()
    assert list(memory_keyring.entries.values()) == [result.token]
    profile.close()
    content = _file_bytes(folder)
    assert b"plain-token-of-an-older-version" not in content and result.token.encode() not in content
