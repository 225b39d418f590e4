"""Models of the code interpreter: ``sandbox.code.run`` (``POST /sandboxes/{id}/code/run``)."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import Model

__all__ = ["CodeError", "CodeOutput", "CodeResult"]


@attrs.frozen(kw_only=True)
class CodeOutput(Model):
    """One rich result of a cell: an image, HTML, Markdown, JSON ... and its MIME type.

    ``data`` is the content as bytes (base64 on the wire is decoded here); `text` reads it
    as UTF-8 for the text types. ``main`` marks a representation of the cell's last
    expression (the others come from ``display(...)`` calls in the cell).
    """

    mime_type: str
    data: bytes = attrs.field(repr=lambda d: f"<{len(d)} bytes>")
    main: bool = False

    @property
    def text(self) -> str:
        """``data`` decoded as UTF-8 (undecodable bytes replaced)."""
        return self.data.decode("utf-8", "replace")

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")


@attrs.frozen(kw_only=True)
class CodeError(Model):
    """Why a cell failed: the exception's class name, its message and the traceback text.

    ``name`` is ``"TimeoutError"`` for a cell the server interrupted after its timeout, and
    ``"InterpreterExited"`` when the interpreter died (its variables are then lost).
    """

    name: str
    value: str = ""
    traceback: str = ""


@attrs.frozen(kw_only=True)
class CodeResult(Model):
    """What one cell produced (``POST /sandboxes/{id}/code/run``).

    ``result`` is the value of the cell's last expression, as JSON carries it (numbers,
    strings, lists, objects) or, for any other value, its ``repr`` text; None when the
    cell ends with a statement. ``outputs`` are its rich results (images as bytes with
    their MIME type). ``error`` is set when the cell raised; `raise_for_error` turns it
    into a `miosa.CodeExecutionError`.
    """

    ok: bool | None = None
    stdout: str = ""
    stderr: str = ""
    result: Any = None
    outputs: tuple[CodeOutput, ...] = ()
    error: CodeError | None = None
    language: str | None = None
    context: str | None = None
    execution_count: int | None = None
    duration_ms: int | None = None

    @property
    def output(self) -> str:
        """``stdout`` (the name 2.19 used)."""
        return self.stdout

    @property
    def images(self) -> tuple[CodeOutput, ...]:
        """The outputs that are images."""
        return tuple(o for o in self.outputs if o.is_image)

    def raise_for_error(self) -> CodeResult:
        """Raise `miosa.CodeExecutionError` if the cell failed; else return this result."""
        if self.error is None:
            return self
        from ..errors import CodeExecutionError

        raise CodeExecutionError(self)
