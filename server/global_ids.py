"""Global ids as the API shows them: base64 of "Type:uuid".

Here, below the GraphQL layer, because domain events carry ids in their payloads as the API
shows them; schema/ids.py encodes through this function too, so the two cannot differ.
"""

from __future__ import annotations

import base64
from uuid import UUID


def encode(type_name: str, value: UUID | str) -> str:
    return base64.b64encode(f"{type_name}:{value}".encode()).decode()
