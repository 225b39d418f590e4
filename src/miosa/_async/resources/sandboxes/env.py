"""Environment variables of a sandbox: ``/sandboxes/{id}/env``.

The API has no per-variable write: ``PUT /env`` replaces the whole set. `set` and
`set_many` therefore read the set, change it and write it back (two requests, not
atomic against a concurrent writer); `replace` writes exactly what it is given.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import route
from ...._groups.sandbox import EnvInput, env_payload, env_vars_of, merge_env
from ....types.sandbox_env import EnvVar
from ..._resource import AsyncScopedResource


class AsyncSandboxEnv(AsyncScopedResource):
    """``sandbox.env``: list, set and delete the sandbox's environment variables."""

    async def set(self, key: str, value: str, *, encrypted: bool = False) -> list[EnvVar]:
        """Set one variable, keeping the others. ``GET`` then ``PUT /sandboxes/{sandbox_id}/env``.

        Raises `ValueError` (and writes nothing) when another variable's value is hidden
        (encrypted): writing the set back would erase it; use `replace` then.
        """
        return await self.set_many({key: value}, encrypted=encrypted)

    async def set_many(
        self, variables: Mapping[str, str], *, encrypted: bool = False
    ) -> list[EnvVar]:
        """Set several variables, keeping the others. ``GET`` then ``PUT .../env``."""
        merged = merge_env(await self.list(), variables, encrypted=encrypted)
        return await self._put(merged)

    async def replace(self, variables: EnvInput) -> list[EnvVar]:
        """Make the set exactly ``variables``; the others are removed.

        ``PUT /sandboxes/{sandbox_id}/env``.

        ``variables`` is ``{"KEY": "value"}`` or a list of `EnvVar` /
        ``{"key", "value", "encrypted"}`` items.
        """
        return await self._put(env_payload(variables))

    async def _put(self, entries: list[dict[str, object]]) -> list[EnvVar]:
        payload, _ = await self._json("PUT", self._prefix + "/env", json={"vars": entries})
        written = env_vars_of(payload)
        # A reply without the set (204, ``{"ok": true}``, a count) is read back with a GET.
        return written if written is not None else await self.list()

    async def delete(self, key: str, **options: Unpack[RequestOptions]) -> None:
        """Remove one variable. ``DELETE /sandboxes/{sandbox_id}/env/{key}``."""
        await self._none("DELETE", self._prefix + route("/env/{key}", key=key), options=options)

    async def list(self, **options: Unpack[RequestOptions]) -> list[EnvVar]:
        """Every variable. ``GET /sandboxes/{sandbox_id}/env``.

        Encrypted variables come back with ``value=None``. The reply is read as a list of
        ``{key, value, encrypted}`` (bare or under ``data``) or as an object
        ``{"KEY": "value"}``; anything else gives ``[]``.
        """
        payload, _ = await self._json("GET", self._prefix + "/env", options=options)
        return env_vars_of(payload) or []
