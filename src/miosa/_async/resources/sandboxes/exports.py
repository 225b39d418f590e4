"""File exports of a sandbox: ``/sandboxes/{id}/exports``."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ....types.sandbox_files import SandboxExport
from ..._resource import AsyncScopedResource
from ...streams import AsyncByteStream


class AsyncSandboxExports(AsyncScopedResource):
    """``sandbox.exports``: download links for files, and the downloads themselves."""

    async def create(
        self,
        *,
        path: str | NotGiven = NOT_GIVEN,
        paths: Sequence[str] | NotGiven = NOT_GIVEN,
        label: str | NotGiven = NOT_GIVEN,
        filename: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SandboxExport:
        """Create download links for one ``path`` or several ``paths``.

        ``POST /sandboxes/{sandbox_id}/exports``.
        """
        return await self._object(
            "POST",
            self._prefix + "/exports",
            SandboxExport,
            json=body(path=path, paths=paths, label=label, filename=filename),
            options=options,
        )

    def download(
        self,
        path: str | None = None,
        *,
        paths: Sequence[str] | None = None,
        filename: str | None = None,
        chunk_size: int = 1 << 20,
    ) -> AsyncByteStream:
        """Stream one file (``path``) or a tar.gz of several (``paths``).

        ``GET /sandboxes/{sandbox_id}/exports/download`` (``paths`` go as repeated
        ``paths[]=`` parameters). Connects when entered; iterate the chunks or
        ``await body.write_to(local_path)``.
        """
        items: list[tuple[str, str]] = []
        if path is not None:
            items.append(("path", path))
        items.extend(("paths[]", p) for p in paths or ())
        if filename is not None:
            items.append(("filename", filename))
        # Repeated keys do not fit a params mapping: the query goes into the path.
        suffix = "?" + urlencode(items) if items else ""
        return self._download(
            "GET", self._prefix + "/exports/download" + suffix, chunk_size=chunk_size
        )
