"""Typst compilation of our own templates, with the document's data as JSON.

The only Typst source ever compiled is the templates shipped in server/pdf/templates. What
users wrote (names, addresses, notes, footers) reaches a template as strings inside
data.json, which Typst reads as data and sets as plain text: it is never parsed as markup.
Each compilation runs in a fresh temporary directory holding the template files, data.json
and the logo, and that directory is Typst's root, so a template could not read any other
file even if it tried (see docs/decisions/pdf-rendering.md)."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
import typst

from server import clock
from server.pdf.branding import Branding
from server.settings import get_settings

TEMPLATES = ("invoice", "credit_note", "statement", "remittance")
# Layout shared by every document, imported by each template.
SHARED = ("common.typ",)


class RenderError(RuntimeError):
    """A template failed to compile: a fault of ours, never of the data."""


def _template_text(name: str) -> bytes:
    return resources.files("server.pdf").joinpath("templates", name).read_bytes()


def compile_document(
    template: str, data: dict[str, Any], branding: Branding, *, created: datetime | None = None
) -> bytes:
    """The PDF of `template` filled with `data` and `branding`; blocking, see `render`."""
    if template not in TEMPLATES:
        raise ValueError(f"no template {template!r}")
    with tempfile.TemporaryDirectory(prefix="ledgerline-pdf-") as folder:
        root = Path(folder)
        for name in (*SHARED, f"{template}.typ"):
            (root / name).write_bytes(_template_text(name))
        payload = {"document": data, "brand": branding.as_data()}
        (root / "data.json").write_bytes(orjson.dumps(payload))
        if branding.logo is not None:
            (root / branding.logo.file_name).write_bytes(branding.logo.data)
        try:
            output = typst.compile(
                str(root / f"{template}.typ"),
                root=str(root),
                # The compiler's fonts and the configured folder, never whatever the machine
                # has: the same output on every machine.
                ignore_system_fonts=True,
                font_paths=_font_paths(),
                timestamp=(created or clock.now()).replace(microsecond=0),
            )
        except typst.TypstError as exc:
            raise RenderError(exc.message) from exc
    if not isinstance(output, bytes):
        raise RenderError("the compiler returned no PDF")
    return output


async def render(
    template: str, data: dict[str, Any], branding: Branding, *, created: datetime | None = None
) -> bytes:
    """Compile off the event loop: a page of Typst takes milliseconds, a long statement more."""
    return await asyncio.to_thread(compile_document, template, data, branding, created=created)


def _font_paths() -> list[str]:
    folder = get_settings().pdf_font_dir
    return [str(folder)] if folder is not None else []


def decodes(image: bytes, file_name: str) -> bool:
    """Whether the compiler can place `image` (written as `file_name`) on a page."""
    with tempfile.TemporaryDirectory(prefix="ledgerline-image-") as folder:
        root = Path(folder)
        (root / file_name).write_bytes(image)
        (root / "check.typ").write_text(f'#image("{file_name}", width: 2cm)')
        try:
            typst.compile(str(root / "check.typ"), root=str(root), ignore_system_fonts=True)
        except typst.TypstError:
            return False
    return True
