"""GraphiQL served by the app from pinned files, so that it works offline (development only).

The page (page.html) loads nothing but the files under assets/, each recorded with its npm
package, version and SHA-256 in assets/manifest.json. A file's name holds its version, so
browsers may keep it for good. The files are kept gzip-compressed (`<name>.gz`, a quarter of
their size, and third-party code stays out of the project's text) and served as they are to
clients that accept gzip, which every browser does. See docs/decisions/graphiql-offline.md.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"
ASSET_PATH = "/graphiql/assets/{name}"
_CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def asset_names() -> list[str]:
    """The names the assets are served under: the npm files' own, without `.gz`."""
    manifest = json.loads((ASSETS / "manifest.json").read_text(encoding="utf-8"))
    return sorted(manifest["assets"])


def page() -> HTMLResponse:
    return HTMLResponse((HERE / "page.html").read_text(encoding="utf-8"))


def asset_route() -> Route:
    """The route serving the assets; only the files the manifest lists are served."""
    served = {name: ASSETS / f"{name}.gz" for name in asset_names()}

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        path = served.get(name)
        if path is None:
            return Response("not found", 404, media_type="text/plain")
        headers = {
            "cache-control": "public, max-age=31536000, immutable",
            "vary": "accept-encoding",
        }
        media_type = _CONTENT_TYPES[Path(name).suffix]
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers["content-encoding"] = "gzip"
            return FileResponse(path, media_type=media_type, headers=headers)
        return Response(gzip.decompress(path.read_bytes()), media_type=media_type, headers=headers)

    return Route(ASSET_PATH, asset, methods=["GET"])
