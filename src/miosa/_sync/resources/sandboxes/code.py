# This file was generated from
#   src/miosa/_async/resources/sandboxes/code.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The stateful code interpreter of a sandbox: ``/sandboxes/{id}/code``."""

from __future__ import annotations

import builtins
import contextlib
from types import TracebackType

import httpx

from ...._core.call_options import RequestExtras, RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._core.responses import unwrap_object
from ...._groups.code import new_context_name, parse_code_result, warm_up_cell
from ....errors import NotFoundError
from ....types.sandbox_code import CodeResult
from ..._resource import ScopedResource

__all__ = ["CodeContext", "SandboxCode"]

# Extra read time beyond the cell's own timeout, for the server to answer.
_CELL_GRACE_SECONDS = 15.0


class SandboxCode(ScopedResource):
    """``sandbox.code``: run code in persistent interpreters that keep their variables.

    Each *context* is an interpreter of its own (``"default"`` unless named): variables,
    imports and definitions made by one cell are there for the next cell of the same
    context, until the context is dropped or the sandbox stops:
    ``sandbox.code.run("r = 2")`` then ``sandbox.code.run("3.14 * r ** 2")``
    gives a result whose ``.result`` is ``12.56``. ``sandbox.code.create_context()``
    starts a context of your own (``with`` it to drop it on exit).
    """

    def run(
        self,
        code: str,
        *,
        language: str = "python",
        context: str | CodeContext | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestExtras],
    ) -> CodeResult:
        """Run one cell and return what it produced. ``POST /sandboxes/{sandbox_id}/code/run``.

        ``context`` is a context name or a `CodeContext` (the server's ``default``
        context without it); a context the server does not have yet starts with this cell.
        ``timeout`` (seconds) bounds the cell, and stretches the HTTP read timeout to match.

        A cell that raises does not raise here: the `CodeResult` has ``ok=False`` and an
        ``error`` (name, message, traceback); call ``.raise_for_error()`` to raise
        `miosa.CodeExecutionError` instead.
        """
        if isinstance(context, CodeContext):
            context = context.name
        http_timeout = None
        if not isinstance(timeout, NotGiven):
            base = self._http.options.timeout
            read = max(base.read or 0.0, timeout + _CELL_GRACE_SECONDS)
            http_timeout = httpx.Timeout(
                connect=base.connect, read=read, write=base.write, pool=base.pool
            )
        payload, _ = self._json(
            "POST",
            self._prefix + "/code/run",
            json=body(code=code, language=language, context=context, timeout=timeout),
            timeout=http_timeout,
            options=options,
        )
        return parse_code_result(unwrap_object(payload))

    def create_context(self, name: str | None = None, *, language: str = "python") -> CodeContext:
        """Start a new context and return it. ``POST /sandboxes/{sandbox_id}/code/run``.

        The API creates a context on its first cell, so this runs a cell that does nothing
        (``pass``) in it: the interpreter is then running, and `contexts` lists it. The
        name is ``ctx_`` and 12 random hex digits unless given. Drop it with
        `CodeContext.drop`, or use it as ``with`` to drop it on exit.
        """
        context = CodeContext(self, name or new_context_name(), language)
        self.run(warm_up_cell(language), language=language, context=context.name)
        return context

    def context(self, name: str, *, language: str = "python") -> CodeContext:
        """A handle on a context by name (no request; the server starts it on its first
        cell if it does not exist)."""
        return CodeContext(self, name, language)

    def contexts(
        self, *, language: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[str]:
        """The names of the contexts that exist. ``GET /sandboxes/{sandbox_id}/code/contexts``."""
        payload, _ = self._json(
            "GET", self._prefix + "/code/contexts", params=query(language=language), options=options
        )
        data = unwrap_object(payload)
        names = data.get("contexts") if isinstance(data, dict) else data
        return [str(n) for n in names] if isinstance(names, list) else []

    def drop_context(
        self,
        context: str | CodeContext,
        *,
        language: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """End one context and forget its variables.

        ``DELETE /sandboxes/{sandbox_id}/code/contexts/{context}``; raises
        `miosa.NotFoundError` when there is no such context.
        """
        if isinstance(context, CodeContext):
            language = language or context.language
            context = context.name
        self._none(
            "DELETE",
            self._prefix + route("/code/contexts/{context}", context=context),
            params=query(language=language),
            options=options,
        )

    def drop_all(self, *, language: str | None = None, **options: Unpack[RequestOptions]) -> None:
        """End every context (of ``language`` when given).

        ``DELETE /sandboxes/{sandbox_id}/code``.
        """
        self._none(
            "DELETE", self._prefix + "/code", params=query(language=language), options=options
        )


class CodeContext:
    """One interpreter context of a sandbox, by name: `run` cells in it, `drop` it.

    Made by `SandboxCode.create_context` or `SandboxCode.context`. As
    ``with`` it drops the context on exit (an already dropped context is fine).
    """

    def __init__(self, code: SandboxCode, name: str, language: str = "python") -> None:
        self._code = code
        self.name = name
        self.language = language

    def __repr__(self) -> str:
        return f"CodeContext(name={self.name!r}, language={self.language!r})"

    def run(self, code: str, *, timeout: int | NotGiven = NOT_GIVEN) -> CodeResult:
        """Run one cell in this context. ``POST /sandboxes/{sandbox_id}/code/run``."""
        return self._code.run(code, language=self.language, context=self.name, timeout=timeout)

    def drop(self) -> None:
        """End this context. ``DELETE /sandboxes/{sandbox_id}/code/contexts/{context}``."""
        self._code.drop_context(self.name, language=self.language)

    def __enter__(self) -> CodeContext:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(NotFoundError):  # gone already (dropped, sandbox stopped)
            self.drop()
