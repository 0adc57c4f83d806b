"""Field helpers the payables types share: ids, quantities, and the vendor and users looked up."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.crm.types import Vendor
from schema.identity.types import UserType
from server.crm.models import Vendor as VendorModel
from server.fixed_point import plain_decimal


def _uuids(raw: Iterable[str]) -> list[UUID]:
    out = []
    for value in raw:
        try:
            out.append(UUID(value))
        except ValueError:
            continue
    return out


def _quantity(value: Any) -> str:
    return str(plain_decimal(value))


async def _vendor(info: Info, vendor_id: UUID) -> Vendor | None:
    found = await crm_loaders.vendors(info.context).load(vendor_id)
    return _vendor_type(found)


def _vendor_type(found: VendorModel | None) -> Vendor | None:
    return Vendor.from_model(found) if found else None


async def _user(info: Info, user_id: UUID | None) -> UserType | None:
    if user_id is None:
        return None
    found = await crm_loaders.users(info.context).load(user_id)
    return UserType.from_model(found) if found else None
