"""Code contexts: ``POST /code/run``, ``GET /code/contexts``, ``DELETE /code[/contexts/{c}]``.

Each context is a persistent Python interpreter (`code_driver.py`) running inside the
sandbox exactly as a command does (bubblewrap when the server isolates, ``/workspace`` as
its working directory, the sandbox's environment), so variables, imports and definitions
survive from one cell to the next. A context starts on its first cell and ends when it is
dropped, when the sandbox stops or is destroyed, or when its interpreter dies.

A cell that outlives its timeout is interrupted (SIGINT, a ``KeyboardInterrupt`` in the
cell): the context and its variables stay. An interpreter that ignores the interrupt is
killed, and the context is gone.
"""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
from pathlib import Path
from typing import Any

import anyio
import anyio.abc
from anyio.streams.buffered import BufferedByteReceiveStream
from starlette.responses import Response

from . import runner
from .common import JSON
from .http import ApiError, bad_request, no_content, not_found, ok
from .processes import sandbox_command, sandbox_env, timeout_of
from .routing import Call, Endpoint
from .state import Sandbox, Store

DRIVER = (Path(__file__).with_name("code_driver.py")).read_text()
LANGUAGES = {"python": "python", "python3": "python", "py": "python"}
DEFAULT_CONTEXT = "default"
MAX_CONTEXTS = 32
MAX_CONTEXT_NAME = 128
START_TIMEOUT = 15.0
INTERRUPT_GRACE = 3.0
STOP_GRACE = 2.0


class InterpreterExited(Exception):
    """The interpreter closed its reply channel: it exited or was killed."""


class Interpreter:
    """One context's interpreter process and the line protocol spoken with it."""

    def __init__(
        self, language: str, name: str, process: anyio.abc.Process, isolated: bool
    ) -> None:
        self.language = language
        self.name = name
        self.process = process
        self.isolated = isolated
        self.lock = anyio.Lock()
        assert process.stdout is not None
        self.replies = BufferedByteReceiveStream(process.stdout)
        self.python = ""
        self._next_id = 0
        self._stopped = False

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def alive(self) -> bool:
        return not self._stopped and self.process.returncode is None

    @classmethod
    async def start(cls, store: Store, sandbox: Sandbox, language: str, name: str) -> Interpreter:
        """Start the interpreter in the sandbox and wait for its ``ready`` line."""
        settings = store.settings
        command = f"exec python3 -u -c {shlex.quote(DRIVER)} {settings.output_cap}"
        spec = sandbox_command(store, sandbox, command, None, sandbox_env(sandbox, None))
        try:
            process = await anyio.open_process(
                spec.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=spec.cwd,
                env=spec.env,
                start_new_session=True,
            )
        except OSError as exc:
            raise ApiError(
                500, "INTERPRETER_FAILED", f"could not start the interpreter: {exc}"
            ) from exc
        interpreter = cls(language, name, process, spec.own_pid_namespace)
        ready: JSON | None = None
        with anyio.move_on_after(START_TIMEOUT):
            try:
                ready = await interpreter._message()
            except (InterpreterExited, ValueError):
                ready = None
        if ready is None or not ready.get("ready"):
            problem = await interpreter._stderr_text()
            await interpreter.stop()
            raise ApiError(
                500,
                "INTERPRETER_FAILED",
                "the Python interpreter did not start in the sandbox"
                + (f": {problem}" if problem else ""),
                {"language": language, "context": name},
            )
        interpreter.python = str(ready.get("python") or "")
        return interpreter

    async def _message(self) -> JSON:
        try:
            line = await self.replies.receive_until(b"\n", 1 << 30)
        except (anyio.EndOfStream, anyio.IncompleteRead, anyio.ClosedResourceError) as exc:
            raise InterpreterExited from exc
        value = json.loads(line)
        if not isinstance(value, dict):
            raise ValueError("the interpreter sent something other than an object")
        return value

    async def _reply(self, request_id: int) -> JSON:
        """The reply to ``request_id`` (replies to requests given up on are skipped)."""
        while True:
            message = await self._message()
            if message.get("id") == request_id:
                return message

    async def _stderr_text(self) -> str:
        """What the interpreter wrote to its own stderr before it took it over (start-up
        failures such as a missing ``python3``)."""
        if self.process.stderr is None:
            return ""
        data = b""
        with anyio.move_on_after(0.5):
            try:
                async for chunk in self.process.stderr:
                    data += chunk
                    if len(data) > 4096:
                        break
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                pass
        return data.decode("utf-8", "replace").strip()[:4096]

    async def run(self, code: str, limit: float) -> JSON:
        """Run one cell; the reply as the driver wrote it, or an error reply for a timeout
        or a dead interpreter (then `alive` is False)."""
        async with self.lock:
            if not self.alive:
                return _failure("InterpreterExited", "the interpreter is gone", "")
            self._next_id += 1
            request_id = self._next_id
            assert self.process.stdin is not None
            try:
                request = json.dumps({"id": request_id, "code": code}) + "\n"
                await self.process.stdin.send(request.encode())
                with anyio.move_on_after(limit):
                    return await self._reply(request_id)
                return await self._interrupt(request_id, limit)
            except (InterpreterExited, anyio.BrokenResourceError, anyio.ClosedResourceError):
                return await self._exited()

    async def _interrupt(self, request_id: int, limit: float) -> JSON:
        runner.send_signal(self.pid, signal.SIGINT, self.isolated)
        with anyio.move_on_after(INTERRUPT_GRACE):
            reply = await self._reply(request_id)
            error = reply.get("error") if isinstance(reply.get("error"), dict) else {}
            reply["ok"] = False
            reply["error"] = {
                "name": "TimeoutError",
                "value": f"the cell ran longer than {limit:g} s and was interrupted; "
                "the context keeps its variables",
                "traceback": str((error or {}).get("traceback") or ""),
            }
            return reply
        await self.stop()
        return _failure(
            "TimeoutError",
            f"the cell ran longer than {limit:g} s and did not stop when interrupted; "
            "the interpreter was killed and the context's variables are lost",
            "",
        )

    async def _exited(self) -> JSON:
        with anyio.move_on_after(STOP_GRACE):
            await self.process.wait()
        code = self.process.returncode
        await self.stop()
        status = "was killed" if code is None else f"exited with code {runner.exit_status(code)}"
        return _failure(
            "InterpreterExited",
            f"the interpreter {status}; the context's variables are lost",
            "",
        )

    async def stop(self) -> None:
        """Kill the interpreter and whatever it started; idempotent."""
        if self._stopped:
            return
        self._stopped = True
        with anyio.CancelScope(shield=True):
            runner.kill_tree(self.pid, alive=self.process.returncode is None)
            with anyio.move_on_after(STOP_GRACE):
                await self.process.wait()
            await self.process.aclose()


def _failure(name: str, value: str, stderr: str) -> JSON:
    return {
        "ok": False,
        "stdout": "",
        "stderr": stderr,
        "result": None,
        "results": [],
        "error": {"name": name, "value": value, "traceback": ""},
    }


def _language(raw: object) -> str:
    if raw is None:
        return "python"
    language = LANGUAGES.get(str(raw).lower()) if isinstance(raw, str) else None
    if language is None:
        raise bad_request(
            f"language {raw!r} is not supported here; supported: python",
            code="UNSUPPORTED_LANGUAGE",
            field="language",
            supported=["python"],
        )
    return language


def _context_name(raw: object) -> str:
    if raw is None:
        return DEFAULT_CONTEXT
    if not isinstance(raw, str) or not raw or len(raw) > MAX_CONTEXT_NAME or "\0" in raw:
        raise bad_request(
            f"context must be a name of 1 to {MAX_CONTEXT_NAME} characters", field="context"
        )
    return raw


def _query_language(call: Call) -> str | None:
    raw = call.query.get("language")
    return None if raw is None else LANGUAGES.get(raw.lower(), raw)


async def _context(store: Store, sandbox: Sandbox, language: str, name: str) -> Interpreter:
    async with sandbox.interpreter_start:
        return await _start_context(store, sandbox, language, name)


async def _start_context(store: Store, sandbox: Sandbox, language: str, name: str) -> Interpreter:
    key = (language, name)
    existing = sandbox.interpreters.get(key)
    if isinstance(existing, Interpreter) and existing.alive:
        return existing
    if existing is not None:
        del sandbox.interpreters[key]
        await existing.stop()
    if len(sandbox.interpreters) >= MAX_CONTEXTS:
        raise ApiError(
            409,
            "CODE_CONTEXT_LIMIT",
            f"sandbox {sandbox.id} has {MAX_CONTEXTS} code contexts; drop one first",
            {"limit": MAX_CONTEXTS},
        )
    interpreter = await Interpreter.start(store, sandbox, language, name)
    if not sandbox.alive or sandbox.state != "running":  # stopped while it started
        await interpreter.stop()
        raise not_found("sandbox", sandbox.id)
    sandbox.interpreters[key] = interpreter
    sandbox.log(f"code context {name!r} ({language}) started, python {interpreter.python}")
    return interpreter


async def run_code(call: Call) -> Response:
    """Run one cell in a context (started on first use) and reply what it produced."""
    sandbox = call.running_sandbox()
    body = await call.json()
    code = body.get("code")
    if not isinstance(code, str):
        raise bad_request("code is required and must be a string", field="code")
    language = _language(body.get("language"))
    name = _context_name(body.get("context"))
    timeout = timeout_of(call.store, body, call.store.settings.exec_default_timeout)
    assert timeout is not None
    interpreter = await _context(call.store, sandbox, language, name)
    isolated = interpreter.isolated
    reply = await interpreter.run(
        code if isolated else runner.map_workspace(code, sandbox.workspace), timeout
    )
    if not interpreter.alive and sandbox.interpreters.get((language, name)) is interpreter:
        del sandbox.interpreters[(language, name)]
    duration = reply.get("duration_ms")
    if isinstance(duration, int):
        sandbox.exec_ms_total += duration
    sandbox.exec_count += 1
    error: Any = reply.get("error")
    sandbox.log(
        f"code cell in context {name!r}: "
        + (f"{error.get('name')}" if isinstance(error, dict) else "ok")
    )
    reply.pop("id", None)
    call.store.emit(
        "sandbox.code.run",
        {
            "sandbox_id": sandbox.id,
            "context": name,
            "language": language,
            "ok": bool(reply.get("ok")),
            "duration_ms": duration,
        },
        sandbox,
    )
    return ok({**reply, "language": language, "context": name})


async def list_contexts(call: Call) -> Response:
    """The names of the live contexts (of ``language`` when given)."""
    sandbox = call.sandbox()
    language = _query_language(call)
    names = [
        name
        for (lang, name), interpreter in sandbox.interpreters.items()
        if (language is None or lang == language)
        and (not isinstance(interpreter, Interpreter) or interpreter.alive)
    ]
    return ok({"contexts": names, "language": language})


async def drop_context(call: Call) -> Response:
    """End one context; 404 when there is none of that name."""
    sandbox = call.sandbox()
    language = _query_language(call) or "python"
    name = call.params["context"]
    interpreter = sandbox.interpreters.pop((language, name), None)
    if interpreter is None:
        raise not_found("code context", name)
    await interpreter.stop()
    sandbox.log(f"code context {name!r} ({language}) dropped")
    return no_content()


async def drop_contexts(call: Call) -> Response:
    """End every context (of ``language`` when given)."""
    sandbox = call.sandbox()
    language = _query_language(call)
    for key in [k for k in sandbox.interpreters if language is None or k[0] == language]:
        await sandbox.interpreters.pop(key).stop()
    return no_content()


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    base = "/sandboxes/{sandbox_id}/code"
    return [
        Endpoint("POST", base + "/run", run_code, "sandbox.code.run"),
        Endpoint("GET", base + "/contexts", list_contexts),
        Endpoint("DELETE", base + "/contexts/{context}", drop_context, "sandbox.code.drop"),
        Endpoint("DELETE", base, drop_contexts, "sandbox.code.drop"),
    ]
