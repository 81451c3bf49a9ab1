#!/usr/bin/env python3
"""Set up and run ClaimCare from a fresh clone, with nothing but Python installed.

    python3 dev.py demo    # virtualenv + packages, a seeded local HQ on 127.0.0.1, the app
    python3 dev.py test    # virtualenv + packages (+ PostgreSQL where missing), every test

Only the standard library is used here: this file runs before anything is installed.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_DIR = ROOT / ".demo"
DEMO_PASSWORD = "demo1234"
DEMO_USER = "sh01.mgr1"
WINDOWS = os.name == "nt"


def venv_bin(name: str) -> Path:
    folder = VENV / ("Scripts" if WINDOWS else "bin")
    return folder / (name + (".exe" if WINDOWS else ""))


def run(cmd: list[str | Path], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project; skipped when pyproject.toml has not changed."""
    if not venv_bin("python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    python = venv_bin("python")
    run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([python, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]"])
    stamp.write_text(digest)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_hq(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("The local HQ service stopped while starting; see the lines above.")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/ping", timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The local HQ service did not answer at {url} within {seconds:.0f} s.")


def seed_demo_hq(db_url: str, marker: Path) -> None:
    if marker.exists():
        return
    hq = venv_bin("claimcare-hq")
    run([hq, "init-db", "--db", db_url])
    run([hq, "seed", "--db", db_url, "--branches", "2", "--customers", "300", "--seed", "7",
         "--password", DEMO_PASSWORD])
    marker.touch()


QT_X11_DEBIAN_PACKAGES = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                          "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1",
                          "libxkbcommon-x11-0"]


def missing_qt_x11_libraries() -> list[str]:
    plugin = next(VENV.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"), None)
    if plugin is None or not shutil.which("ldd"):
        return []
    qpa = next(plugin.parents[2].glob("lib/libQt6XcbQpa.so*"), None)
    listing = subprocess.run(["ldd", str(plugin), *([str(qpa)] if qpa else [])],
                             capture_output=True, text=True).stdout
    return sorted({line.split()[0] for line in listing.splitlines() if "not found" in line})


def ensure_qt_screen_libraries() -> None:
    """Qt's X11 plugin needs a few xcb libraries that minimal Linux installs lack."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    missing = missing_qt_x11_libraries()
    if not missing:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        run(["apt-get", "install", "-y", "-qq", *QT_X11_DEBIAN_PACKAGES],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    else:
        print(f"Qt cannot open a window without these system libraries: {', '.join(missing)}. "
              f"On Debian/Ubuntu: sudo apt-get install {' '.join(QT_X11_DEBIAN_PACKAGES)}", flush=True)


def demo(extra_args: list[str]) -> int:
    ensure_venv("hq")
    ensure_qt_screen_libraries()
    DEMO_DIR.mkdir(exist_ok=True)
    db_url = f"sqlite:///{(DEMO_DIR / 'hq.sqlite3').as_posix()}"
    seed_demo_hq(db_url, DEMO_DIR / "hq.seeded")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(venv_bin("claimcare-hq")), "serve", "--db", db_url,
                               "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT)
    try:
        wait_for_hq(url, server)
        print(f"\nLocal HQ at {url}. Sign in as {DEMO_USER} (or sh01.sup, sh01.mgr2, bj01.sup ...)"
              f" with password {DEMO_PASSWORD}.\n", flush=True)
        app = subprocess.run([str(venv_bin("claimcare-desktop")), "--profile",
                              str(DEMO_DIR / "desktop"), "--hq", url, "--user", DEMO_USER,
                              *extra_args], cwd=ROOT)
        return app.returncode
    finally:
        server.terminate()
        server.wait(timeout=15)


def ensure_postgresql() -> None:
    """The HQ tests need PostgreSQL's server binaries; install Debian's where missing."""
    if os.environ.get("CLAIMCARE_TEST_PG_DSN") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        return
    if shutil.which("initdb") or shutil.which("pg_ctl"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        run(["apt-get", "update", "-qq"])
        run(["apt-get", "install", "-y", "-qq", "postgresql"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return
    sys.exit("The HQ tests need PostgreSQL server binaries (initdb, pg_ctl). Install PostgreSQL, "
             "or set CLAIMCARE_TEST_PG_DSN to a server the tests may create databases on.")


def test(pytest_args: list[str]) -> int:
    ensure_venv("hq,dev")
    ensure_postgresql()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HYPOTHESIS_PROFILE": "ci",
           "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([str(venv_bin("python")), "-m", "pytest", *pytest_args],
                          cwd=ROOT, env=env).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["demo", "test", "setup"])
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="passed to the app or to pytest")
    args = parser.parse_args()
    if args.command == "demo":
        return demo(args.rest)
    if args.command == "test":
        return test(args.rest)
    ensure_venv("hq,dev")
    return 0


if __name__ == "__main__":
    sys.exit(main())
