"""Files are read in one place: nothing outside core's document reader (and the one workbook opener,
which checks the workbook first) opens an archive, a workbook, a PDF or a Word file, so nothing reads an
upload before the document limits have been applied to it."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ideowork"
READERS = re.compile(r"zipfile\.ZipFile\(|ZipFile\(|load_workbook\(|PdfReader\(|docx\.Document\(\s*[^)\s]|"
                     r"\bDocument\(\s*(?:io\.BytesIO|upload|file|data|path)")
ALLOWED = {
    "core/documents",          # the reader: checks come first
    "core/imports/sheets.py",  # open_sheet: check_zip before openpyxl
    "core/exports/xlsx.py",    # writes a zip, reads none
}


def test_only_the_document_reader_opens_files():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if "/migrations/" in relative or any(relative.startswith(allowed) for allowed in ALLOWED):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if READERS.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, "read files through core.documents / core.uploads:\n" + "\n".join(offenders)
