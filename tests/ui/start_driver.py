"""Run `run_app` like a user: type the password, wait for the main window, report, quit.

Started in its own process by test_app_start.py: `app.exec()` leaves a QApplication
unable to run timers again, so it must not share the test process's application.
Usage: start_driver.py PROFILE_DIR USERNAME PASSWORD
"""
import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from claimcare_desktop.ui.app import run_app


def when_visible(object_name, action, tries=200):
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == object_name and widget.isVisible():
            action(widget)
            return
    if tries:
        QTimer.singleShot(50, lambda: when_visible(object_name, action, tries - 1))


def main() -> None:
    folder, username, password = sys.argv[1:4]
    app = QApplication([])
    seen = {}

    def sign_in(dialog):
        dialog.password.setText(password)
        dialog.attempt()

    def look(window):
        seen["title"] = window.windowTitle()
        seen["state"] = window.statusBar().findChild(QLabel, "sync_state").text()
        seen["nav"] = [window.nav.item(i).text() for i in range(window.nav.count())]
        window.close()

    when_visible("sign_in_dialog", sign_in)
    when_visible("main_window", look)
    seen["code"] = run_app(folder, "http://127.0.0.1:9", "zh_CN", username)
    del app
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
