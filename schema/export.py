"""Print the schema's SDL (`make schema` writes it to schema/schema.graphql)."""

from __future__ import annotations

from server.settings import Settings


def sdl() -> str:
    from schema import build_schema

    # Development settings: the SDL does not depend on secrets or limits.
    return str(build_schema(Settings(env="development", jwt_secret="x" * 32))) + "\n"


if __name__ == "__main__":
    print(sdl(), end="")
