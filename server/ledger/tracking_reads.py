"""Tracking categories as the database writes them (server.reads), and which ones a list
shows."""

from __future__ import annotations

from uuid import UUID

from server.ledger.models import TrackingCategory, TrackingOption
from server.reads.shape import Rows, Shape, column, node_id
from server.sql import Where

TRACKING_OPTION = Shape(
    "TrackingOption",
    {"id": node_id("TrackingOption"), "name": column("name")},
    TrackingOption._meta.db_table,
)

TRACKING_CATEGORY = Shape(
    "TrackingCategory",
    {
        "id": node_id("TrackingCategory"),
        "name": column("name"),
        # By name, as schema.ledger.types.build_categories lists them; ties by id.
        "options": Rows(
            TRACKING_OPTION,
            lambda t, a: (
                f'FROM "{TrackingOption._meta.db_table}" {a}'
                f' WHERE {a}."category_id" = {t}."id"'
                f' AND {a}."organization_id" = {t}."organization_id"'
            ),
            '{t}."name", {t}."id"',
        ),
    },
    TrackingCategory._meta.db_table,
)


def tracking_category_conditions(organization_id: UUID, search: str | None = None) -> Where:
    """The organization's tracking categories, with `search` in their name if given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if search:
        where.search(search, '"name"')
    return where
