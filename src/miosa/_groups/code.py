"""Pure helpers of the code interpreter (``sandbox.code``): reading a cell's reply, naming
contexts and the no-op cell that creates one.

The reply of ``POST /sandboxes/{id}/code/run`` is read by hand rather than by the converter:
rich results arrive as base64 text and become bytes, and a server that reports a failure only
as ``ok: false`` plus a traceback on stderr still yields a `CodeError` (its name and message
read from the traceback's last line).
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from collections.abc import Mapping
from typing import Any

from ..types.sandbox_code import CodeError, CodeOutput, CodeResult

__all__ = ["new_context_name", "parse_code_result", "warm_up_cell"]

_set = object.__setattr__
# The last line of a Python traceback: ``ZeroDivisionError: division by zero``.
_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*)(?::\s?(.*))?$")
# A cell that does nothing, per language: running it creates the context on the server.
_NO_OP = {"python": "pass", "javascript": ";", "typescript": ";"}


def new_context_name() -> str:
    """A fresh context name, ``ctx_`` and 12 hex digits."""
    return "ctx_" + secrets.token_hex(6)


def warm_up_cell(language: str) -> str:
    """The cell `create_context` runs: a no-op in ``language`` (empty for others)."""
    return _NO_OP.get(language.lower(), "")


def _bytes_of(data: object, encoding: object, mime_type: str) -> bytes:
    if isinstance(data, bytes):
        return data
    if not isinstance(data, str):
        data = "" if data is None else str(data)
    if encoding == "base64" or (encoding is None and _binary(mime_type)):
        try:
            return base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError):
            return data.encode("utf-8")
    return data.encode("utf-8")


def _binary(mime_type: str) -> bool:
    image = mime_type.startswith("image/") and mime_type != "image/svg+xml"
    return image or mime_type == "application/pdf"


def _outputs(items: object) -> tuple[CodeOutput, ...]:
    if not isinstance(items, list):
        return ()
    found: list[CodeOutput] = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        main = bool(item.get("main") or item.get("is_main_result"))
        mime_type = item.get("mime_type") or item.get("type")
        if isinstance(mime_type, str) and "/" in mime_type:
            pairs: list[tuple[str, object, object]] = [
                (mime_type, item.get("data"), item.get("encoding"))
            ]
        else:  # a bundle, {"image/png": "<base64>", "text/plain": "..."}
            pairs = [(k, v, None) for k, v in item.items() if isinstance(k, str) and "/" in k]
        for kind, data, encoding in pairs:
            output = CodeOutput(mime_type=kind, data=_bytes_of(data, encoding, kind), main=main)
            _set(output, "_raw", item)
            found.append(output)
    return tuple(found)


def _error(raw: object, ok: object, stderr: str) -> CodeError | None:
    if isinstance(raw, Mapping):
        name = raw.get("name", raw.get("ename"))
        value = raw.get("value", raw.get("evalue", raw.get("message")))
        trace = raw.get("traceback", "")
        if isinstance(trace, list):
            trace = "\n".join(str(line) for line in trace)
        error = CodeError(
            name=str(name or "Error"),
            value="" if value is None else str(value),
            traceback=str(trace or ""),
        )
        _set(error, "_raw", raw)
        return error
    if isinstance(raw, str) and raw:
        return _from_traceback(raw, raw)
    if ok is False:
        return _from_traceback(stderr, stderr)
    return None


def _from_traceback(text: str, trace: str) -> CodeError:
    """Name and message from the last line of a traceback (``Name: message``)."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    last = lines[-1].strip() if lines else ""
    match = _EXCEPTION_LINE.match(last)
    if match and (match.group(2) is not None or match.group(1)[0].isupper()):
        return CodeError(name=match.group(1), value=match.group(2) or "", traceback=trace)
    return CodeError(name="Error", value=last, traceback=trace)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def parse_code_result(payload: object) -> CodeResult:
    """A `CodeResult` from the (unwrapped) reply of ``POST .../code/run``."""
    data: Mapping[str, Any] = payload if isinstance(payload, Mapping) else {}
    stdout, stderr = _text(data.get("stdout")), _text(data.get("stderr"))
    raw_ok = data.get("ok")
    error = _error(data.get("error"), raw_ok, stderr)
    ok = raw_ok if isinstance(raw_ok, bool) else error is None
    if ok and error is not None and not isinstance(data.get("error"), Mapping):
        error = None  # a server that says ok and sends a stray string
    language, context = data.get("language"), data.get("context")
    result = CodeResult(
        ok=ok,
        stdout=stdout,
        stderr=stderr,
        result=data.get("result"),
        outputs=_outputs(data.get("results", data.get("outputs"))),
        error=error,
        language=language if isinstance(language, str) else None,
        context=context if isinstance(context, str) else None,
        execution_count=_int(data.get("execution_count")),
        duration_ms=_int(data.get("duration_ms")),
    )
    _set(result, "_raw", dict(data))
    return result
