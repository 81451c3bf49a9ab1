"""Render every registered workspace, and the sign-in, log-visit and complaint-from-visit
dialogs, in Chinese and English into docs/screenshots/<name>_<lang>.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out DIR]

Works on a small demo profile built in a temporary folder, signed in as a supervisor
(so every workspace shows the whole branch). CJK glyphs need a CJK font installed
(e.g. `apt-get install fonts-wqy-microhei`).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from claimcare_desktop.demo.generator import DemoSpec, load_into_profile  # noqa: E402
from claimcare_desktop.store import models as m  # noqa: E402
from claimcare_desktop.store.db import open_profile  # noqa: E402
from claimcare_desktop.ui.changes import ChangeBus  # noqa: E402
from claimcare_desktop.ui.context import AppContext, CurrentUser  # noqa: E402
from claimcare_desktop.ui.i18n import LANGUAGES, Translations  # noqa: E402
from claimcare_desktop.ui.settings import Settings  # noqa: E402
from claimcare_desktop.ui.shell import Shell  # noqa: E402
from claimcare_desktop.ui.sign_in.dialog import SignInDialog  # noqa: E402
from claimcare_desktop.sync.progress import RECEIVING  # noqa: E402
from claimcare_desktop.ui.status.sync_controller import SyncStatus  # noqa: E402
from claimcare_desktop.ui.tasks import TaskRunner  # noqa: E402
from claimcare_desktop.ui.visit_queue.complaint_dialog import (  # noqa: E402
    ComplaintFromVisitDialog,
)

WINDOW_SIZE = (1366, 820)
SETTLE_SECONDS = 0.3


def settle(tasks: TaskRunner, timeout: float = 15.0) -> None:
    """Process events until background loads are done and the screen has repainted."""
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if tasks.busy():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > SETTLE_SECONDS:
            return
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def supervisor(profile) -> CurrentUser:
    with profile.session() as s:
        user = s.scalars(select(m.User).where(m.User.role == "supervisor")
                         .order_by(m.User.username)).first()
        branch = s.get(m.Branch, user.branch_id)
        return CurrentUser(user.id, user.username, user.display_name, user.role, branch.id,
                           branch.name)


def shoot_language(ctx: AppContext, translations: Translations, language: str, out: Path) -> None:
    translations.install(language)
    sign_in = SignInDialog(ctx.profile, ctx.tasks, ctx.settings, "http://hq.example.cn:8700",
                           ctx.user.username)
    sign_in.show()
    settle(ctx.tasks)
    save(sign_in, out / f"sign_in_{language}.png")
    sign_in.close()
    shell = Shell(ctx, translations)
    shell.window.resize(*WINDOW_SIZE)
    shell.window.show()
    for row in range(shell.window.nav.count()):
        shell.window.nav.setCurrentRow(row)
        settle(ctx.tasks)
        name = shell.window.current_workspace().objectName().removeprefix("workspace_")
        save(shell.window, out / f"{name}_{language}.png")
    shoot_opened(shell, ctx, language, out)
    shoot_log_dialog(shell, ctx, language, out)
    shoot_sign_in_again(shell, ctx, language, out)
    shoot_sync_progress(shell, ctx, language, out)
    shell.window.close()
    shell.window.deleteLater()
    settle(ctx.tasks)


def richest_customer_and_open_complaint(profile) -> tuple[str, str | None]:
    """The customer with the longest history (a profile worth looking at) and the open
    complaint closest to its deadline."""
    with profile.engine.connect() as conn:
        customer = conn.exec_driver_sql(
            "SELECT customer_id FROM visits WHERE deleted = 0 GROUP BY customer_id "
            "ORDER BY count(*) DESC, customer_id LIMIT 1").scalar_one()
        complaint = conn.exec_driver_sql(
            "SELECT id FROM complaints WHERE deleted = 0 AND state NOT IN ('resolved', 'closed') "
            "ORDER BY opened_at, id LIMIT 1").scalar()
    return customer, complaint


def shoot_opened(shell: Shell, ctx: AppContext, language: str, out: Path) -> None:
    """The care profile with a customer open and the tracker with a complaint open."""
    customer_id, complaint_id = richest_customer_and_open_complaint(ctx.profile)
    shell.window.navigate("care_profile", customer_id=customer_id)
    settle(ctx.tasks)
    save(shell.window, out / f"care_profile_open_{language}.png")
    if complaint_id is not None:
        shell.window.navigate("complaints", complaint_id=complaint_id)
        settle(ctx.tasks)
        save(shell.window, out / f"complaints_open_{language}.png")


def shoot_log_dialog(shell: Shell, ctx: AppContext, language: str, out: Path) -> None:
    queue = shell.window.workspace("visit_queue")
    if queue is None or not queue.model.rowCount():
        return
    shell.window.navigate("visit_queue")
    queue.table.selectRow(0)
    queue.log_visit()
    settle(ctx.tasks)
    save(queue.log_dialog, out / f"log_visit_{language}.png")
    queue.log_dialog.reject()
    offer = ComplaintFromVisitDialog(ctx, queue.model.row_at(0), sample_feedback(language))
    offer.show()
    settle(ctx.tasks)
    save(offer, out / f"complaint_from_visit_{language}.png")
    offer.close()


def shoot_sign_in_again(shell: Shell, ctx: AppContext, language: str, out: Path) -> None:
    """The status bar when HQ no longer takes the token (one change refused this session),
    and the dialog its "Sign in again…" action opens."""
    shell.window.nav.setCurrentRow(0)
    shell.status_bar.show_status(SyncStatus(
        online=False, running=False, pending=1, last_sync_at=datetime.now(UTC) - timedelta(hours=2),
        problem="sign_in_expired", refused=1))
    settle(ctx.tasks)
    save(shell.window, out / f"status_sign_in_again_{language}.png")
    shell.sign_in_again.open()
    dialog = shell.sign_in_again.dialog
    dialog.password.setText("secret")
    settle(ctx.tasks)
    save(dialog, out / f"sign_in_again_{language}.png")
    dialog.reject()


def shoot_sync_progress(shell: Shell, ctx: AppContext, language: str, out: Path) -> None:
    """The status bar while a first sync receives a big branch's rows."""
    shell.window.nav.setCurrentRow(0)
    shell.status_bar.show_status(SyncStatus(
        online=True, running=True, pending=0, last_sync_at=None, stage=RECEIVING,
        done=125_000))
    settle(ctx.tasks)
    save(shell.window, out / f"status_receiving_{language}.png")
    shell.status_bar.show_status(shell.sync.status)


def sample_feedback(language: str) -> str:
    return "赔款到账比约定晚了一周。" if language == "zh_CN" else "The payout came a week late."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=120)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    with tempfile.TemporaryDirectory() as folder:
        profile = open_profile(Path(folder) / "profile")
        load_into_profile(profile, DemoSpec(branches=1, customers_per_branch=args.customers,
                                            today=date.today()))
        tasks = TaskRunner()
        ctx = AppContext(profile, supervisor(profile), tasks, ChangeBus(),
                         Settings(Path(folder) / "settings.ini"))
        translations = Translations()
        for language in LANGUAGES:
            shoot_language(ctx, translations, language, args.out)
        tasks.shutdown()
        profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
