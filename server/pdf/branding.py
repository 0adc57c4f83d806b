"""How an organization's documents look: logo, accent colour, footer, tax id, bank details.

`Branding` is what every template receives. `branding_for` builds it from what the
organization holds, with defaults for whatever it has not set."""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID

from server.email.models import TemplateKind
from server.email.templates import template_for
from server.identity.models import Organization
from server.pdf.formatting import DEFAULT_LOCALE, valid_locale
from server.pdf.models import OrganizationLogo

DEFAULT_ACCENT = "#1f4e79"
# Only this form reaches a template: it is the one colour syntax Typst's rgb() is given.
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
LOGO_FILES = {"image/png": "logo.png", "image/jpeg": "logo.jpg"}


@dataclass(frozen=True, slots=True)
class Logo:
    media_type: str
    data: bytes

    @property
    def file_name(self) -> str:
        return LOGO_FILES[self.media_type]


@dataclass(frozen=True, slots=True)
class Branding:
    """Everything about an organization a document shows besides the document itself."""

    organization_name: str
    locale: str = DEFAULT_LOCALE
    accent_color: str = DEFAULT_ACCENT
    footer: str | None = None
    tax_id: str | None = None
    bank_details: str | None = None
    logo: Logo | None = None

    def __post_init__(self) -> None:
        if not _HEX_COLOUR.fullmatch(self.accent_color):
            object.__setattr__(self, "accent_color", DEFAULT_ACCENT)
        if not valid_locale(self.locale):
            object.__setattr__(self, "locale", DEFAULT_LOCALE)

    def as_data(self) -> dict[str, object]:
        """The template's view: text only, the logo by the file name it is written under."""
        return {
            "name": self.organization_name,
            "accent": self.accent_color,
            "footer": self.footer or "",
            "taxId": self.tax_id or "",
            "bankDetails": self.bank_details or "",
            "logo": self.logo.file_name if self.logo else "",
        }


async def branding_for(organization_id: UUID, kind: TemplateKind) -> Branding:
    """The organization's branding for a kind of document: its name, locale and logo, and
    the footer, accent colour, tax id and bank details of that kind's document template
    (documentTemplateSet), defaults where it has set none."""
    org = await Organization.get(id=organization_id)
    stored = await OrganizationLogo.get_or_none(organization_id=organization_id)
    template = await template_for(organization_id, kind)
    return Branding(
        organization_name=org.name,
        locale=org.locale or DEFAULT_LOCALE,
        accent_color=template.accent_color or DEFAULT_ACCENT,
        footer=template.pdf_footer,
        tax_id=template.pdf_tax_id,
        bank_details=template.pdf_bank_details,
        logo=Logo(stored.media_type, bytes(stored.data)) if stored else None,
    )
