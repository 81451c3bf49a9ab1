"""The files open without a repair prompt: every XML part parses, and LibreOffice (when
installed) loads and renders each report."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest

REPORTS = ("visits", "complaints", "kpi", "care", "at-risk")


def test_every_part_is_well_formed_xml(exported):
    for report in REPORTS:
        with zipfile.ZipFile(exported(report, language="zh_CN")) as z:
            assert z.testzip() is None
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    ElementTree.fromstring(z.read(name))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_every_report(exported, tmp_path):
    files = [str(exported(report, language="zh_CN")) for report in REPORTS]
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), *files],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == len(REPORTS)
    assert all(p.stat().st_size > 5000 for p in pdfs)
