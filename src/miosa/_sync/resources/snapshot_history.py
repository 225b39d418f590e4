# This file was generated from
#   src/miosa/_async/resources/snapshot_history.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.snapshot_history`` and ``client.named_snapshots``: every machine's snapshots.

The same routes serve sandboxes and computers; ``resource.type`` on each record says which.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ..._groups.snapshot_history import tree_reply, with_dependents
from ...types.snapshot_history import (
    ForkedMachine,
    HistorySnapshot,
    NamedSnapshot,
    NamedSnapshotDeletion,
    SnapshotBulkDeletion,
    SnapshotDeletion,
    SnapshotGroup,
    SnapshotTree,
)
from .._resource import APIResource


def _snapshot_path(snapshot_id: str) -> str:
    return route("/snapshots/{snapshot_id}", snapshot_id=snapshot_id)


def _name_path(name: str) -> str:
    return route("/named-snapshots/{name}", name=name)


def _fork_body(
    environment: str | NotGiven, environment_id: str | NotGiven, no_env: bool | NotGiven
) -> dict[str, object]:
    return body(environment=environment, environment_id=environment_id, no_env=no_env)


class SnapshotHistory(APIResource):
    """``client.snapshot_history``: snapshots no name pins, browsable and forkable.

    Deleting is always explicit; a snapshot something depends on is refused with 409
    (`miosa.ConflictError`, ``SNAPSHOT_IN_USE``) and nothing changes.
    """

    def list(
        self,
        *,
        resource_id: str | None = None,
        workspace_id: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[HistorySnapshot]:
        """History, newest first. ``GET /snapshots``.

        ``q`` matches part of a machine name, machine id or snapshot id; ``limit`` is 50
        unless given (at most 200), ``offset`` skips that many.
        """
        params = query(
            resource_id=resource_id, workspace_id=workspace_id, q=q, limit=limit, offset=offset
        )
        return self._list(
            "GET", "/snapshots", HistorySnapshot, params=params, keys=("data",), options=options
        )

    def groups(
        self,
        *,
        workspace_id: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[SnapshotGroup]:
        """History grouped by machine, newest activity first. ``GET /snapshots/groups``."""
        params = query(workspace_id=workspace_id, q=q, limit=limit, offset=offset)
        return self._list(
            "GET",
            "/snapshots/groups",
            SnapshotGroup,
            params=params,
            keys=("data",),
            options=options,
        )

    def get(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> HistorySnapshot:
        """One snapshot with its dependents. ``GET /snapshots/{snapshot_id}``."""
        return self._object(
            "GET",
            _snapshot_path(snapshot_id),
            HistorySnapshot,
            unwrap=(),
            prepare=with_dependents,
            options=options,
        )

    def delete(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> SnapshotDeletion:
        """Delete a snapshot nothing depends on. ``DELETE /snapshots/{snapshot_id}``."""
        return self._object(
            "DELETE", _snapshot_path(snapshot_id), SnapshotDeletion, options=options
        )

    def bulk_delete(
        self,
        *,
        ids: Sequence[str] | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        all: bool | NotGiven = NOT_GIVEN,  # noqa: A002 - the wire name
        confirm: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SnapshotBulkDeletion:
        """Delete several snapshots, or a machine's whole history. ``POST /snapshots/delete``.

        For a whole history pass ``resource_id``, ``all=True`` and ``confirm`` equal to
        the ``resource_id``. Each snapshot is judged alone: a blocked one is reported in
        ``blocked`` and does not stop the others.
        """
        payload = body(ids=ids, resource_id=resource_id, all=all, confirm=confirm)
        return self._object(
            "POST", "/snapshots/delete", SnapshotBulkDeletion, json=payload, options=options
        )

    def tree(
        self, snapshot_id: str, *, path: str = "/", **options: Unpack[RequestOptions]
    ) -> SnapshotTree:
        """One folder of the snapshot's disk image. ``GET /snapshots/{snapshot_id}/tree``.

        The first read unpacks the image in the background and may answer ``warming``
        (`SnapshotTree.warming`): ask again after ``retry_after_ms``.
        """
        return self._object(
            "GET",
            _snapshot_path(snapshot_id) + "/tree",
            SnapshotTree,
            params={"path": path},
            unwrap=(),
            prepare=tree_reply,
            options=options,
        )

    def file(self, snapshot_id: str, *, path: str, **options: Unpack[RequestOptions]) -> bytes:
        """One file's bytes, or a folder as a ``.tar``. ``GET /snapshots/{snapshot_id}/files``.

        Read `tree` until it is no longer ``warming`` first.
        """
        return self._bytes(
            "GET", _snapshot_path(snapshot_id) + "/files", params={"path": path}, options=options
        )

    def fork(
        self,
        snapshot_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForkedMachine:
        """A new machine of the same kind from the snapshot; the source is untouched.

        ``POST /snapshots/{snapshot_id}/fork``.
        """
        return self._object(
            "POST",
            _snapshot_path(snapshot_id) + "/fork",
            ForkedMachine,
            json=_fork_body(environment, environment_id, no_env),
            idempotency_key=idempotency_key,
            options=options,
        )


class NamedSnapshots(APIResource):
    """``client.named_snapshots``: names that pin a snapshot until removed, deployable."""

    def list(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[NamedSnapshot]:
        """The organization's names, newest first. ``GET /named-snapshots``."""
        return self._list(
            "GET",
            "/named-snapshots",
            NamedSnapshot,
            params=query(workspace_id=workspace_id),
            keys=("data",),
            options=options,
        )

    def create(
        self,
        name: str,
        *,
        snapshot_id: str | NotGiven = NOT_GIVEN,
        sandbox_id: str | NotGiven = NOT_GIVEN,
        computer_id: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NamedSnapshot:
        """Save a name over one snapshot. ``POST /named-snapshots``.

        Give one source: ``snapshot_id`` pins a ready snapshot of the history;
        ``sandbox_id`` or ``computer_id`` takes a new one. A name is never replaced.
        """
        payload = body(
            name=name,
            snapshot_id=snapshot_id,
            sandbox_id=sandbox_id,
            computer_id=computer_id,
            workspace_id=workspace_id,
        )
        return self._object(
            "POST",
            "/named-snapshots",
            NamedSnapshot,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(self, name: str, **options: Unpack[RequestOptions]) -> NamedSnapshot:
        """One name and what depends on its snapshot. ``GET /named-snapshots/{name}``."""
        return self._object(
            "GET",
            _name_path(name),
            NamedSnapshot,
            unwrap=(),
            prepare=with_dependents,
            options=options,
        )

    def delete(self, name: str, **options: Unpack[RequestOptions]) -> NamedSnapshotDeletion:
        """Remove the name. ``DELETE /named-snapshots/{name}``.

        ``outcome`` says what became of the snapshot: ``released`` (back to history),
        ``deleted`` or ``kept``.
        """
        return self._object("DELETE", _name_path(name), NamedSnapshotDeletion, options=options)

    def deploy(
        self,
        name: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForkedMachine:
        """A new machine from the named snapshot, even after its source is gone.

        ``POST /named-snapshots/{name}/deploy``; 409 (``SNAPSHOT_NOT_READY``) while the
        name is still ``saving``.
        """
        return self._object(
            "POST",
            _name_path(name) + "/deploy",
            ForkedMachine,
            json=_fork_body(environment, environment_id, no_env),
            idempotency_key=idempotency_key,
            options=options,
        )
