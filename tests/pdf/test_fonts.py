"""The font folder of LEDGERLINE_PDF_FONT_DIR supplies glyphs the compiler's fonts lack."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from server.pdf import compiler
from server.pdf.branding import Branding
from server.settings import Settings
from tests.pdf.helpers import minimal_invoice_data

SYSTEM_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_compile_uses_the_configured_font_folder_and_never_the_machines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if not SYSTEM_FONT.exists():
        pytest.skip("no DejaVu Sans on this machine to configure")
    data = minimal_invoice_data()
    data["customer"]["name"] = "Snow ☃ Ltd"
    without = compiler.compile_document("invoice", data, Branding("X"))
    # Installed on the machine but not configured: not used.
    assert "DejaVuSans" not in _font_names(without)
    shutil.copy(SYSTEM_FONT, tmp_path)
    configured = Settings(env="test", jwt_secret="x" * 40, pdf_font_dir=tmp_path)
    monkeypatch.setattr(compiler, "get_settings", lambda: configured)
    assert "DejaVuSans" in _font_names(compiler.compile_document("invoice", data, Branding("X")))
