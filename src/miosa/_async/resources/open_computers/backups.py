"""Backups: per-host backup configs and the snapshots they take."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._groups.open_computers import optional_body
from ....types.open_computers_automation import (
    OpenComputerBackupConfig,
    OpenComputerBackupSnapshot,
    OpenComputerRestore,
)
from ..._resource import AsyncAPIResource
from ._base import host_path

_CONFIG_KEYS = ("backup_config", "data")
_SNAPSHOT_KEYS = ("snapshot", "data")


def _config(host_id: str, config_id: str) -> str:
    return host_path("/backup-configs/{config_id}", host_id, config_id=config_id)


def _snapshot(snapshot_id: str) -> str:
    return route("/opencomputers/snapshots/{snapshot_id}", snapshot_id=snapshot_id)


class AsyncOpenComputerBackups(AsyncAPIResource):
    """``client.open_computers.backups``: what to back up on a host, and the snapshots.

    There is no route reading one backup config: `list_configs` has them all.
    """

    async def list_configs(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerBackupConfig]:
        """A host's backup configs. ``GET /opencomputers/hosts/{host_id}/backup-configs``."""
        return await self._list(
            "GET",
            host_path("/backup-configs", host_id),
            OpenComputerBackupConfig,
            keys=("backup_configs", "data"),
            options=options,
        )

    async def create_config(
        self,
        host_id: str,
        *,
        path: str,
        name: str | NotGiven = NOT_GIVEN,
        schedule_cron: str | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        retention_count: int | NotGiven = NOT_GIVEN,
        retention_days: int | NotGiven = NOT_GIVEN,
        exclude_patterns: Sequence[str] | NotGiven = NOT_GIVEN,
        compression_level: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerBackupConfig:
        """Back up `path` on a host. ``POST /opencomputers/hosts/{host_id}/backup-configs``.

        Args:
            schedule_cron: When to take snapshots (in `timezone`).
            retention_count: Keep at most this many snapshots.
            retention_days: Drop snapshots older than this.
            exclude_patterns: Glob patterns left out of the snapshot.
            extra: More body fields, sent as given.
        """
        payload = body(
            name=name,
            path=path,
            schedule_cron=schedule_cron,
            timezone=timezone,
            retention_count=retention_count,
            retention_days=retention_days,
            exclude_patterns=exclude_patterns,
            compression_level=compression_level,
        )
        return await self._object(
            "POST",
            host_path("/backup-configs", host_id),
            OpenComputerBackupConfig,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            unwrap=_CONFIG_KEYS,
            options=options,
        )

    async def update_config(
        self,
        host_id: str,
        config_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        path: str | NotGiven = NOT_GIVEN,
        schedule_cron: str | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        retention_count: int | NotGiven = NOT_GIVEN,
        retention_days: int | NotGiven = NOT_GIVEN,
        exclude_patterns: Sequence[str] | NotGiven = NOT_GIVEN,
        compression_level: int | NotGiven = NOT_GIVEN,
        state: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerBackupConfig:
        """Change a backup config.

        ``PATCH /opencomputers/hosts/{host_id}/backup-configs/{config_id}``.
        """
        payload = body(
            name=name,
            path=path,
            schedule_cron=schedule_cron,
            timezone=timezone,
            retention_count=retention_count,
            retention_days=retention_days,
            exclude_patterns=exclude_patterns,
            compression_level=compression_level,
            state=state,
        )
        return await self._object(
            "PATCH",
            _config(host_id, config_id),
            OpenComputerBackupConfig,
            json=merge(payload, extra),
            unwrap=_CONFIG_KEYS,
            options=options,
        )

    async def delete_config(
        self, host_id: str, config_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a backup config.

        ``DELETE /opencomputers/hosts/{host_id}/backup-configs/{config_id}``.
        """
        await self._none("DELETE", _config(host_id, config_id), options=options)

    async def pause_config(
        self, host_id: str, config_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerBackupConfig:
        """Stop taking scheduled snapshots.

        ``POST /opencomputers/hosts/{host_id}/backup-configs/{config_id}/pause``.
        """
        path = _config(host_id, config_id) + "/pause"
        return await self._object(
            "POST", path, OpenComputerBackupConfig, unwrap=_CONFIG_KEYS, options=options
        )

    async def resume_config(
        self, host_id: str, config_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerBackupConfig:
        """Take scheduled snapshots again.

        ``POST /opencomputers/hosts/{host_id}/backup-configs/{config_id}/resume``.
        """
        path = _config(host_id, config_id) + "/resume"
        return await self._object(
            "POST", path, OpenComputerBackupConfig, unwrap=_CONFIG_KEYS, options=options
        )

    async def trigger(
        self,
        host_id: str,
        config_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerBackupSnapshot:
        """Take a snapshot now; returns it while it is being written (202).

        ``POST /opencomputers/hosts/{host_id}/backup-configs/{config_id}/trigger``.
        """
        return await self._object(
            "POST",
            _config(host_id, config_id) + "/trigger",
            OpenComputerBackupSnapshot,
            json=optional_body(extra),
            unwrap=_SNAPSHOT_KEYS,
            options=options,
        )

    async def snapshots(
        self,
        host_id: str,
        config_id: str,
        *,
        limit: int | None = None,
        before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[OpenComputerBackupSnapshot]:
        """A config's snapshots, newest first.

        ``GET /opencomputers/hosts/{host_id}/backup-configs/{config_id}/snapshots``;
        `limit` defaults to 20; `before` (a snapshot id) gives the older ones.
        """
        return await self._list(
            "GET",
            _config(host_id, config_id) + "/snapshots",
            OpenComputerBackupSnapshot,
            params=query(limit=limit, before=before),
            keys=("snapshots", "data"),
            options=options,
        )

    async def get_snapshot(
        self, snapshot_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerBackupSnapshot:
        """One snapshot. ``GET /opencomputers/snapshots/{snapshot_id}``."""
        return await self._object(
            "GET",
            _snapshot(snapshot_id),
            OpenComputerBackupSnapshot,
            unwrap=_SNAPSHOT_KEYS,
            options=options,
        )

    async def delete_snapshot(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a snapshot now. ``DELETE /opencomputers/snapshots/{snapshot_id}``."""
        await self._none("DELETE", _snapshot(snapshot_id), options=options)

    async def restore_snapshot(
        self,
        snapshot_id: str,
        *,
        target_host_id: str,
        target_path: str | NotGiven = NOT_GIVEN,
        overwrite: bool | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerRestore:
        """Restore a snapshot onto a host (202: it runs there).

        ``POST /opencomputers/snapshots/{snapshot_id}/restore``; without `target_path` the
        files go back where they were; `overwrite` replaces files that exist.
        """
        payload = body(target_host_id=target_host_id, target_path=target_path, overwrite=overwrite)
        return await self._object(
            "POST",
            _snapshot(snapshot_id) + "/restore",
            OpenComputerRestore,
            json=merge(payload, extra),
            options=options,
        )
