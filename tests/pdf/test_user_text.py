"""User text is data: Typst markup in names, addresses, lines, notes and the footer prints
as written and runs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema.ids import decode
from server.identity.models import Organization
from server.pdf import compiler, render_invoice_pdf
from server.pdf.branding import DEFAULT_ACCENT, Branding
from tests.pdf.helpers import invoice_with_lines, minimal_invoice_data, pdf_text
from tests.support import Api

HOSTILE = '#import "/etc/passwd": * ] $ x^2 $ #read("/etc/passwd") *bold* <l> @l'
PASSWD_LINE = "root:x:0:0"


def _squashed(text: str) -> str:
    # Compared without spaces: a long line wraps where the layout chooses (after "/").
    return "".join(text.split())


async def test_render_invoice_with_markup_in_user_text_prints_it_literally(api: Api) -> None:
    org = await api.new_org()
    await Organization.filter(id=org.id).update(name=f"Org {HOSTILE}")
    invoice = await invoice_with_lines(
        api,
        org,
        [(f"Line {HOSTILE}", "1", "10.00")],
        customer_name=f"Cust {HOSTILE}"[:200],
        billingAddress={"line1": f"Street {HOSTILE}"[:200], "city": "#sys.inputs"},
        memo=f"Memo {HOSTILE}",
    )
    invoice_id = decode(invoice["id"], "Invoice")
    assert invoice_id is not None
    text = _squashed(pdf_text(await render_invoice_pdf(org.id, invoice_id)))
    for label in ("Org", "Cust", "Street", "Line", "Memo"):
        assert _squashed(f"{label} {HOSTILE}") in text, label
    assert "#sys.inputs" in text
    assert PASSWD_LINE not in text


def test_compile_footer_and_tax_id_with_markup_print_literally() -> None:
    brand = Branding(
        organization_name="Plain Org",
        footer=f"Footer {HOSTILE}",
        tax_id=f"Tax {HOSTILE}"[:60],
        bank_details=f"Bank {HOSTILE}",
    )
    data = minimal_invoice_data()
    text = _squashed(pdf_text(compiler.compile_document("invoice", data, brand)))
    assert _squashed(f"Footer {HOSTILE}") in text
    assert _squashed(f"Bank {HOSTILE}") in text
    assert _squashed(f"Tax {HOSTILE}"[:60]) in text
    assert PASSWD_LINE not in text


def test_branding_refuses_an_accent_that_is_not_a_colour() -> None:
    brand = Branding(organization_name="X", accent_color='red"); #read("/etc/passwd')
    assert brand.accent_color == DEFAULT_ACCENT
    assert Branding(organization_name="X", accent_color="#aa00FF").accent_color == "#aa00FF"
    assert Branding(organization_name="X", locale="xx_NOPE").locale == "en_US"


def test_compile_confines_files_to_its_own_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a template of ours could not read outside the folder it is compiled in."""
    if not Path("/etc/passwd").exists():
        pytest.skip("no /etc/passwd to try")
    original = compiler._template_text

    def reading(name: str) -> bytes:
        if name == "invoice.typ":
            return b'#read("/etc/passwd")\n#read("../../../../etc/passwd")'
        return original(name)

    monkeypatch.setattr(compiler, "_template_text", reading)
    with pytest.raises(compiler.RenderError):
        compiler.compile_document("invoice", minimal_invoice_data(), Branding("X"))
