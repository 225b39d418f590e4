# This file was generated from
#   src/miosa/_async/resources/devices.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.devices``: sandboxes and desktop computers behind one API (``/devices``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ..._groups.devices import (
    STEP_TIMEOUT_MS,
    failed_step,
    finished_step,
    manifest,
    manifest_path,
    probe_command,
)
from ...errors import APIStatusError
from ...types.devices import (
    Device,
    DeviceBootstrap,
    DeviceBootstrapStep,
    DeviceBrowser,
    DeviceCapabilities,
    DeviceExecResult,
    DeviceExposure,
    DeviceFile,
    DeviceFileContent,
    DeviceFileWrite,
    DeviceState,
)
from .._resource import APIResource

DeviceKind = Literal["sandbox", "computer"]

_LIST_KEYS = ("data", "devices", "items", "entries")


def _device_path(device_id: str, tail: str = "") -> str:
    return route("/devices/{device_id}", device_id=device_id) + tail


class Devices(APIResource):
    """``client.devices``: one API over sandbox workers and desktop computers.

    Lifecycle calls a device's kind does not support answer an error; `capabilities`
    says which are supported.
    """

    def list(
        self,
        *,
        kind: DeviceKind | None = None,
        workspace_id: str | None = None,
        project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Device]:
        """The devices of the tenant or workspace. ``GET /devices``."""
        params = query(kind=kind, workspace_id=workspace_id, project_id=project_id)
        return self._list(
            "GET", "/devices", Device, params=params, keys=_LIST_KEYS, options=options
        )

    def get(self, device_id: str, **options: Unpack[RequestOptions]) -> Device:
        """One device. ``GET /devices/{device_id}``."""
        return self._object("GET", _device_path(device_id), Device, options=options)

    def capabilities(self, device_id: str, **options: Unpack[RequestOptions]) -> DeviceCapabilities:
        """What the device supports. ``GET /devices/{device_id}/capabilities``."""
        return self._object(
            "GET", _device_path(device_id, "/capabilities"), DeviceCapabilities, options=options
        )

    def exec(
        self,
        device_id: str,
        command: str | Sequence[str],
        *,
        timeout_ms: int | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> DeviceExecResult:
        """Run a command inside the device and wait for it. ``POST /devices/{device_id}/exec``.

        Args:
            command: A shell command, or an argument list run without a shell.
            timeout_ms: The time limit in milliseconds (devices count in ms, sandbox
                exec in seconds).
        """
        payload = body(command=command, timeout_ms=timeout_ms, cwd=cwd, env=env)
        return self._object(
            "POST",
            _device_path(device_id, "/exec"),
            DeviceExecResult,
            json=payload,
            options=options,
        )

    def list_files(
        self, device_id: str, path: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[DeviceFile]:
        """The entries of a directory (the working directory by default).

        ``GET /devices/{device_id}/files``.
        """
        return self._list(
            "GET",
            _device_path(device_id, "/files"),
            DeviceFile,
            params=query(path=path),
            keys=_LIST_KEYS,
            options=options,
        )

    def read_file(
        self, device_id: str, path: str, **options: Unpack[RequestOptions]
    ) -> DeviceFileContent:
        """Read a file; ``.data`` gives its bytes, ``.text`` its text.

        ``GET /devices/{device_id}/files/read`` (the content travels base64-encoded).
        """
        return self._object(
            "GET",
            _device_path(device_id, "/files/read"),
            DeviceFileContent,
            params=query(path=path),
            options=options,
        )

    def write_file(
        self,
        device_id: str,
        path: str,
        *,
        content: str | NotGiven = NOT_GIVEN,
        content_base64: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> DeviceFileWrite:
        """Write a file from text (``content``) or base64 (``content_base64``).

        ``POST /devices/{device_id}/files/write``.
        """
        payload = body(path=path, content=content, content_base64=content_base64)
        return self._object(
            "POST",
            _device_path(device_id, "/files/write"),
            DeviceFileWrite,
            json=payload,
            options=options,
        )

    def expose(
        self, device_id: str, port: int, **options: Unpack[RequestOptions]
    ) -> DeviceExposure:
        """Route a device port through MIOSA. ``POST /devices/{device_id}/expose``."""
        return self._object(
            "POST",
            _device_path(device_id, "/expose"),
            DeviceExposure,
            json={"port": port},
            options=options,
        )

    def browser(self, device_id: str, **options: Unpack[RequestOptions]) -> DeviceBrowser:
        """Desktop connection details of a computer-backed device.

        ``GET /devices/{device_id}/browser``.
        """
        return self._object(
            "GET", _device_path(device_id, "/browser"), DeviceBrowser, options=options
        )

    def pause(self, device_id: str, **options: Unpack[RequestOptions]) -> DeviceState:
        """Pause the device. ``POST /devices/{device_id}/pause``."""
        return self._object(
            "POST", _device_path(device_id, "/pause"), DeviceState, json={}, options=options
        )

    def stop(self, device_id: str, **options: Unpack[RequestOptions]) -> DeviceState:
        """Stop the device's session. ``POST /devices/{device_id}/stop``."""
        return self._object(
            "POST", _device_path(device_id, "/stop"), DeviceState, json={}, options=options
        )

    def resume(self, device_id: str, **options: Unpack[RequestOptions]) -> DeviceState:
        """Resume a paused or stopped device. ``POST /devices/{device_id}/resume``."""
        return self._object(
            "POST", _device_path(device_id, "/resume"), DeviceState, json={}, options=options
        )

    def extend(self, device_id: str, timeout_sec: int, **options: Unpack[RequestOptions]) -> Device:
        """Push the session's deadline out by ``timeout_sec`` seconds.

        ``POST /devices/{device_id}/extend``.
        """
        return self._object(
            "POST",
            _device_path(device_id, "/extend"),
            Device,
            json={"timeout_sec": timeout_sec},
            options=options,
        )

    def destroy(self, device_id: str, **options: Unpack[RequestOptions]) -> DeviceState:
        """Delete the device. ``DELETE /devices/{device_id}``."""
        return self._object("DELETE", _device_path(device_id), DeviceState, options=options)

    def bootstrap(
        self,
        device_id: str,
        *,
        runtime: str,
        cwd: str = "/workspace",
        connectors: Sequence[str | Mapping[str, Any]] = (),
        env: Mapping[str, str] | None = None,
        mcp: Sequence[Mapping[str, str]] = (),
        install_command: str | None = None,
        skip_probe: bool = False,
    ) -> DeviceBootstrap:
        """Prepare a device for an agent runtime (``claude-code``, ``codex``, ...).

        Writes ``{cwd}/.miosa/runtime-bootstrap.json`` (the runtime, its connectors, env
        and MCP servers) with `write_file`, runs ``install_command`` if given, then probes
        that the runtime's executable is on ``PATH`` with `exec`. Every step runs even
        when an earlier one failed; the result lists them with ``ok`` for each. A step
        the server refuses is a failed step; a connection failure raises.
        """
        name = runtime.strip().lower()
        where = manifest_path(cwd)
        document = manifest(name, cwd, connectors, env or {}, mcp)
        try:
            written = self.write_file(device_id, where, content=document)
            steps = [finished_step("write_manifest", written)]
        except APIStatusError as error:
            steps = [failed_step("write_manifest", error)]
        if install_command:
            steps.append(self._exec_step("install", device_id, install_command, cwd))
        if not skip_probe:
            steps.append(self._exec_step("probe", device_id, probe_command(name), cwd))
        return DeviceBootstrap(
            device_id=device_id,
            ok=all(step.ok for step in steps),
            runtime=name,
            manifest_path=where,
            steps=tuple(steps),
        )

    def _exec_step(self, name: str, device_id: str, command: str, cwd: str) -> DeviceBootstrapStep:
        try:
            result = self.exec(device_id, command, cwd=cwd, timeout_ms=STEP_TIMEOUT_MS[name])
        except APIStatusError as error:
            return failed_step(name, error)
        return finished_step(name, result)
