"""organizationLogoSet: an organization's logo, checked to be a PNG or JPEG image of at most
LOGO_MAX_BYTES before it is kept."""

from __future__ import annotations

import hashlib
import struct

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode
from server.identity.models import Organization
from server.pdf.branding import LOGO_FILES
from server.pdf.compiler import decodes
from server.pdf.models import OrganizationLogo

# It travels base64-encoded in a GraphQL body (a third larger), under the default body limit.
LOGO_MAX_BYTES = 150 * 1024
# Characters of base64 the input may carry: room for a logo somewhat too large to be told
# so, below the default request body limit of 256 KB.
LOGO_INPUT_MAX_LENGTH = 240 * 1024
# A small file can still declare a huge picture that takes gigabytes to decode.
LOGO_MAX_PIXELS_PER_SIDE = 4096
# The signatures the two accepted formats begin with. The type is read from the bytes, not
# from a name or a declared media type, so nothing else reaches the compiler as an image.
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def image_type(data: bytes) -> str | None:
    """image/png or image/jpeg from the file's first bytes; None for anything else."""
    if data.startswith(_PNG) and data[12:16] == b"IHDR":
        return "image/png"
    if data.startswith(_JPEG):
        return "image/jpeg"
    return None


def image_size(data: bytes, media_type: str) -> tuple[int, int] | None:
    """Width and height as the file declares them; None if it declares none."""
    if media_type == "image/png":
        if len(data) < 24:
            return None
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    # JPEG: walk the segments to the frame header (SOF0..SOF15 but DHT, JPG and DAC).
    at = 2
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None


def check_logo(data: bytes) -> str:
    """The image's media type, or a DomainError saying why it is refused."""
    if len(data) > LOGO_MAX_BYTES:
        raise DomainError(
            f"a logo is at most {LOGO_MAX_BYTES // 1024} KB",
            code=ErrorCode.IMAGE_TOO_LARGE,
            field=["image"],
        )
    media_type = image_type(data)
    size = image_size(data, media_type) if media_type else None
    if media_type is None or size is None:
        raise _not_an_image()
    if max(size) > LOGO_MAX_PIXELS_PER_SIDE:
        raise DomainError(
            f"a logo is at most {LOGO_MAX_PIXELS_PER_SIDE} pixels wide and high",
            code=ErrorCode.IMAGE_TOO_LARGE,
            field=["image"],
        )
    # The compiler decodes the image as a document would: a file that only starts like one
    # is refused here rather than failing every document later.
    if not decodes(data, LOGO_FILES[media_type]):
        raise _not_an_image()
    return media_type


def _not_an_image() -> DomainError:
    return DomainError(
        "a logo must be a PNG or JPEG image", code=ErrorCode.INVALID_IMAGE, field=["image"]
    )


async def set_logo(actor: Actor, data: bytes | None) -> OrganizationLogo | None:
    """Keep `data` as the organization's logo, or remove the logo when it is None."""
    media_type = check_logo(data) if data is not None else None
    async with in_transaction():
        # Two logos set at once take turns on the organization's row: each replaces the
        # other whole, and each is audited against the logo it replaced.
        await Organization.select_for_update().get(id=actor.org)
        before = await OrganizationLogo.get_or_none(organization_id=actor.org)
        await OrganizationLogo.filter(organization_id=actor.org).delete()
        logo = None
        if data is not None and media_type is not None:
            logo = await OrganizationLogo.create(
                organization_id=actor.org,
                media_type=media_type,
                data=data,
                sha256=hashlib.sha256(data).hexdigest(),
            )
        await audit.record(
            actor,
            "organization.logo_set",
            object_type="Organization",
            object_id=actor.org,
            before=_described(before),
            after=_described(logo) or {"mediaType": None, "bytes": 0, "sha256": None},
        )
    return logo


def _described(logo: OrganizationLogo | None) -> dict[str, object] | None:
    if logo is None:
        return None
    return {"mediaType": logo.media_type, "bytes": len(logo.data), "sha256": logo.sha256}
