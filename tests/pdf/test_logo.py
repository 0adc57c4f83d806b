"""organizationLogoSet: PNG and JPEG only, judged by their bytes, within size limits; the
logo then heads every document."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from typing import Any

import typst
from pypdf import PdfReader

from schema.ids import decode
from server.pdf import render_invoice_pdf
from server.pdf.logo import LOGO_MAX_BYTES
from tests.pdf.helpers import invoice_with_lines
from tests.support import Api, Org

SET = """mutation($input: OrganizationLogoSetInput!) { organizationLogoSet(input: $input) {
  logo { mediaType sizeBytes sha256 } userErrors { field code message } } }"""
# A 16 x 16 JPEG from CPython's test data.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z"
)


def png(width: int = 40, height: int = 20) -> bytes:
    source = (
        f"#set page(width: {width}pt, height: {height}pt, margin: 0pt)\n"
        '#rect(width: 100%, height: 100%, fill: rgb("#1f4e79"))'
    )
    image = typst.compile(source.encode(), format="png", ppi=72)
    assert isinstance(image, bytes)
    return image


def png_claiming(width: int, height: int) -> bytes:
    """A PNG header declaring a huge picture, with a tiny body."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"\x00" * 32


async def _set(api: Api, org: Org, image: bytes | str | None, role: str = "owner") -> Any:
    value = base64.b64encode(image).decode() if isinstance(image, bytes) else image
    data = await api.data(SET, {"input": {"image": value}}, token=org.token(role))
    return data["organizationLogoSet"]


def _images_on_first_page(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages[0].images)


async def test_logo_set_png_heads_the_invoice(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    invoice_id = decode(invoice["id"], "Invoice")
    assert invoice_id is not None
    assert _images_on_first_page(await render_invoice_pdf(org.id, invoice_id)) == 0
    image = png()
    result = await _set(api, org, image)
    assert result["userErrors"] == []
    assert result["logo"]["mediaType"] == "image/png"
    assert result["logo"]["sizeBytes"] == len(image)
    assert _images_on_first_page(await render_invoice_pdf(org.id, invoice_id)) == 1


async def test_logo_set_jpeg_is_accepted(api: Api) -> None:
    org = await api.new_org()
    result = await _set(api, org, JPEG)
    assert result["userErrors"] == []
    assert result["logo"]["mediaType"] == "image/jpeg"


async def test_logo_set_refuses_what_is_not_a_png_or_jpeg(api: Api) -> None:
    org = await api.new_org()
    truncated_png = png()[:60]
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'
    gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
    for image in (b"%PDF-1.7 not an image", svg, gif, truncated_png, JPEG[:40], b""):
        result = await _set(api, org, image)
        assert result["logo"] is None
        assert result["userErrors"] == [
            {
                "field": ["input", "image"],
                "code": "INVALID_IMAGE",
                "message": result["userErrors"][0]["message"],
            }
        ], image[:10]
    not_base64 = await _set(api, org, "this is not base64!")
    assert [e["code"] for e in not_base64["userErrors"]] == ["INVALID_IMAGE"]


async def test_logo_set_refuses_oversize_files_and_pictures(api: Api) -> None:
    org = await api.new_org()
    padded = png() + b"\x00" * (LOGO_MAX_BYTES + 1 - len(png()))
    assert len(padded) == LOGO_MAX_BYTES + 1
    too_heavy = await _set(api, org, padded)
    assert [e["code"] for e in too_heavy["userErrors"]] == ["IMAGE_TOO_LARGE"]
    too_wide = await _set(api, org, png_claiming(100_000, 10))
    assert [e["code"] for e in too_wide["userErrors"]] == ["IMAGE_TOO_LARGE"]
    assert (await _set(api, org, png(100, 50)))["userErrors"] == []


async def test_logo_set_null_removes_it_and_is_audited(api: Api) -> None:
    org = await api.new_org()
    await _set(api, org, png())
    removed = await _set(api, org, None)
    assert removed == {"logo": None, "userErrors": []}
    events = await api.data("{ events(first: 50) { nodes { type payload } } }", token=org.token())
    changes = [
        e["payload"] for e in events["events"]["nodes"] if e["type"] == "organization.logo_changed"
    ]
    # The feed runs oldest first.
    assert [c["mediaType"] for c in changes] == ["image/png", None]
    assert changes[1]["bytes"] == 0


async def test_logo_set_needs_organization_manage(api: Api) -> None:
    org = await api.new_org("admin", "accountant")
    denied = await api.gql(
        SET, {"input": {"image": base64.b64encode(png()).decode()}}, token=org.token("accountant")
    )
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await _set(api, org, png(), role="admin"))["userErrors"] == []
