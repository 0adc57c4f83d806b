"""The built-in wording of each kind of document e-mail, used until an organization saves
its own. Each renders against the variables server.email.context documents for its kind."""

from __future__ import annotations

from server.email.models import TemplateKind

_SIGN_OFF_TEXT = """{% if message %}
{{ message }}
{% endif %}
Kind regards,
{{ organization.name }}
"""
_SIGN_OFF_HTML = """{% if message %}<p>{{ message }}</p>{% endif %}
<p>Kind regards,<br>{{ organization.name }}</p>"""

_STYLE = '<div style="font-family: sans-serif; font-size: 14px; color: #222;">'


def _html(inner: str) -> str:
    return f"{_STYLE}\n{inner}\n{_SIGN_OFF_HTML}\n</div>\n"


DEFAULTS: dict[TemplateKind, tuple[str, str, str]] = {
    TemplateKind.INVOICE: (
        "Invoice {{ invoice.number }} from {{ organization.name }}",
        """Dear {{ customer.name }},

Please find invoice {{ invoice.number }} for {{ invoice.total }}, issued on \
{{ invoice.issue_date }}{% if invoice.due_date %} and due on {{ invoice.due_date }}{% endif %}.
Amount due: {{ invoice.amount_due }}.
"""
        + _SIGN_OFF_TEXT,
        _html(
            """<p>Dear {{ customer.name }},</p>
<p>Please find invoice <strong>{{ invoice.number }}</strong> for {{ invoice.total }}, issued on
{{ invoice.issue_date }}{% if invoice.due_date %} and due on {{ invoice.due_date }}{% endif %}.</p>
<p>Amount due: <strong>{{ invoice.amount_due }}</strong>.</p>"""
        ),
    ),
    TemplateKind.REMINDER: (
        "Reminder: invoice {{ invoice.number }} is overdue",
        """Dear {{ customer.name }},

Invoice {{ invoice.number }} was due on {{ invoice.due_date }} and {{ invoice.amount_due }} \
is still open. If you have already paid, please disregard this reminder.
"""
        + _SIGN_OFF_TEXT,
        _html(
            """<p>Dear {{ customer.name }},</p>
<p>Invoice <strong>{{ invoice.number }}</strong> was due on {{ invoice.due_date }} and
<strong>{{ invoice.amount_due }}</strong> is still open. If you have already paid, please
disregard this reminder.</p>"""
        ),
    ),
    TemplateKind.CREDIT_NOTE: (
        "Credit note {{ credit_note.number }} from {{ organization.name }}",
        """Dear {{ customer.name }},

Please find credit note {{ credit_note.number }} for {{ credit_note.total }}, issued on \
{{ credit_note.issue_date }}.
"""
        + _SIGN_OFF_TEXT,
        _html(
            """<p>Dear {{ customer.name }},</p>
<p>Please find credit note <strong>{{ credit_note.number }}</strong> for
{{ credit_note.total }}, issued on {{ credit_note.issue_date }}.</p>"""
        ),
    ),
    TemplateKind.STATEMENT: (
        "Statement of account from {{ organization.name }}",
        """Dear {{ customer.name }},

Your statement for {{ statement.start }} to {{ statement.end }}:
Opening balance: {{ statement.opening_balance }}
{% for line in statement.lines %}{{ line.date }}  {{ line.kind }}  {{ line.number or "" }}  \
{{ line.amount }}  {{ line.balance }}
{% endfor %}Closing balance: {{ statement.closing_balance }}
"""
        + _SIGN_OFF_TEXT,
        _html(
            """<p>Dear {{ customer.name }},</p>
<p>Your statement for {{ statement.start }} to {{ statement.end }}.</p>
<table cellpadding="4">
<tr><td colspan="4">Opening balance</td><td>{{ statement.opening_balance }}</td></tr>
{% for line in statement.lines %}<tr><td>{{ line.date }}</td><td>{{ line.kind }}</td>
<td>{{ line.number or "" }}</td><td>{{ line.amount }}</td><td>{{ line.balance }}</td></tr>
{% endfor %}<tr><td colspan="4"><strong>Closing balance</strong></td>
<td><strong>{{ statement.closing_balance }}</strong></td></tr>
</table>"""
        ),
    ),
    TemplateKind.RECEIPT: (
        "Payment received: thank you",
        """Dear {{ customer.name }},

We received your payment of {{ payment.amount }} on {{ payment.date }}\
{% if payment.reference %} (reference {{ payment.reference }}){% endif %}. Thank you.
"""
        + _SIGN_OFF_TEXT,
        _html(
            """<p>Dear {{ customer.name }},</p>
<p>We received your payment of <strong>{{ payment.amount }}</strong> on {{ payment.date }}
{% if payment.reference %}(reference {{ payment.reference }}){% endif %}. Thank you.</p>"""
        ),
    ),
    TemplateKind.REMITTANCE: (
        "Remittance advice from {{ organization.name }}",
        """Dear {{ vendor.name }},

We have paid you {{ payment.amount }} on {{ payment.date }}\
{% if payment.reference %} (reference {{ payment.reference }}){% endif %}.
"""
        + _SIGN_OFF_TEXT,
        _html(
            """<p>Dear {{ vendor.name }},</p>
<p>We have paid you <strong>{{ payment.amount }}</strong> on {{ payment.date }}
{% if payment.reference %}(reference {{ payment.reference }}){% endif %}.</p>"""
        ),
    ),
}
