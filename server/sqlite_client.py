"""Tortoise's SQLite client, with the SQL functions the read path needs on every connection.

server/db.py names this module as the engine of every SQLite connection it configures
(tortoise imports the engine module and uses its `client_class`, as for its own regexp
variant). SQLite has no base64, which global ids are written in (server/reads/dialect.py);
`base64_text` is registered as a deterministic function when the connection opens.
"""

from __future__ import annotations

from tortoise.backends.sqlite.client import SqliteClient

from server.reads.dialect import base64_text


class ReadPathSqliteClient(SqliteClient):
    async def create_connection(self, with_db: bool) -> None:
        await super().create_connection(with_db)
        if self._connection is not None:
            await self._connection.create_function(
                "base64_text", 1, base64_text, deterministic=True
            )


client_class = ReadPathSqliteClient
