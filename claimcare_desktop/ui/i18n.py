"""Loading translations: every `resources/translations/*_<lang>.qm` plus Qt's own.

Sources are English, so `en` needs no area files (only Qt's `qtbase_en` if present).
Switching languages at runtime removes the old translators and installs the new ones;
Qt then sends every widget a LanguageChange event, and the main window rebuilds its
workspaces so each is constructed again with the new language.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def translation_files(language: str, directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Our area files for `language`, then Qt's own base translation when it exists."""
    files = sorted(directory.glob(f"*_{language}.qm"))
    qtbase = qt_translations_dir() / f"qtbase_{language}.qm"
    if qtbase.exists():
        files.append(qtbase)
    return files


class Translations:
    """The translators installed in the application for the current language."""

    def __init__(self, directory: Path = TRANSLATIONS_DIR) -> None:
        self._directory = directory
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, language: str) -> None:
        if language not in LANGUAGES:
            log.warning("unknown language %r, using %s", language, DEFAULT_LANGUAGE)
            language = DEFAULT_LANGUAGE
        self.uninstall()
        app = QCoreApplication.instance()
        for path in translation_files(language, self._directory):
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("could not load translation %s", path)
        self.language = language
        QLocale.setDefault(QLocale(language))

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
