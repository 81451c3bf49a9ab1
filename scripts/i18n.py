"""Update and compile the translations: one .ts per area, compiled to .qm beside it.

    .venv/bin/python scripts/i18n.py            # every area
    .venv/bin/python scripts/i18n.py shell visit_queue
    .venv/bin/python scripts/i18n.py --check    # fail if any message is unfinished

Areas: `shell` is the top level of claimcare_desktop/ui plus its shared folders
(sign_in, status, reminders, and common: the helpers several workspaces use); every
workspace folder is its own area. Sources are English, so only zh_CN has .ts files;
`en` needs none.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "claimcare_desktop" / "ui"
OUT = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LANGUAGES = ("zh_CN",)
WORKSPACE_AREAS = ("visit_queue", "care_profile", "complaints", "dashboard", "export")
SHELL_FOLDERS = ("sign_in", "status", "reminders", "common")


def area_sources(area: str) -> list[Path]:
    if area == "shell":
        files = sorted(UI.glob("*.py"))
        for folder in SHELL_FOLDERS:
            files += sorted((UI / folder).rglob("*.py"))
        return files
    return sorted((UI / area).rglob("*.py"))


def ts_file(area: str, language: str) -> Path:
    return OUT / f"{area}_{language}.ts"


def _tool(name: str) -> str:
    local = BIN / name
    return str(local) if local.exists() else name


def update(area: str, language: str) -> Path:
    sources = [str(p.relative_to(ROOT)) for p in area_sources(area)]
    ts = ts_file(area, language)
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                    "-target-language", language, "-ts", str(ts.relative_to(ROOT))],
                   cwd=ROOT, check=True, capture_output=True)
    return ts


def release(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True,
                   capture_output=True)
    return qm


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(forms):
            missing.append(message.findtext("source"))
    return missing


def present_areas() -> list[str]:
    return ["shell", *[a for a in WORKSPACE_AREAS if (UI / a).is_dir()]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", help="areas to update (default: all present)")
    parser.add_argument("--check", action="store_true", help="only report unfinished messages")
    args = parser.parse_args(argv)
    areas = args.areas or present_areas()
    failed = False
    for area in areas:
        for language in LANGUAGES:
            ts = ts_file(area, language) if args.check else update(area, language)
            if not ts.exists():
                continue
            if not args.check:
                release(ts)
            missing = unfinished(ts)
            failed |= bool(missing)
            print(f"{ts.relative_to(ROOT)}: {len(missing)} unfinished")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
