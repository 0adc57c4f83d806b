"""Payment terms: when a document falls due and until when an early-payment discount holds."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from server.documents.models import PaymentTerms, TermsKind


def due_date(terms: PaymentTerms | None, on: date, default_days: int = 30) -> date:
    """The due date of a document dated `on`; without named terms, net `default_days`."""
    if terms is None:
        return on + timedelta(days=default_days)
    if terms.kind == TermsKind.DUE_ON_RECEIPT:
        return on
    if terms.kind == TermsKind.END_OF_MONTH:
        month_end = on.replace(day=calendar.monthrange(on.year, on.month)[1])
        return month_end + timedelta(days=terms.days)
    return on + timedelta(days=terms.days)


def discount(terms: PaymentTerms | None, on: date) -> tuple[Decimal | None, date | None]:
    """The early-payment discount (percent, last day) a document dated `on` carries."""
    if terms is None or not terms.discount_percent or terms.discount_days is None:
        return None, None
    return Decimal(terms.discount_percent), on + timedelta(days=terms.discount_days)
