"""Agent chats (``/agents/chats/{chat_id}``): the runs that share a ``chat_id``.

Context use is estimated at 4 characters a token over the chat's instructions and replies
since its last compaction, against a 200,000-token window. Compacting starts a run in the
same chat (same runner and machine) whose instruction is the harness's ``/compact``
command; once it succeeds the compaction is listed and the count starts again. A chat with
a run in flight cannot be compacted (409 ``CHAT_BUSY``).
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON
from .http import ApiError, not_found, ok
from .routing import Call, Endpoint
from .runs import LOCAL_HARNESS_REPLY, RUNS, start_run

CONTEXT_WINDOW = 200_000
CHARS_PER_TOKEN = 4


def _chat_runs(call: Call) -> list[JSON]:
    ident = call.params["chat_id"]
    found = [r for r in call.store.records.get(RUNS.path, {}).values() if r.get("chat_id") == ident]
    if not found:
        raise not_found("chat", ident)
    return found


def _compactions(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault("chat-compactions", {})


def _tokens(run: JSON) -> int:
    text = (run.get("instruction") or run.get("command") or "") + LOCAL_HARNESS_REPLY
    return len(text) // CHARS_PER_TOKEN


def _context(call: Call, runs: list[JSON]) -> JSON:
    done = [
        {**_compactions(call)[r["id"]], "compacted_at": r.get("finished_at")}
        for r in runs
        if r["id"] in _compactions(call) and r["status"] == "succeeded"
    ]
    last = max(
        (i for i, r in enumerate(runs) if any(c["run_id"] == r["id"] for c in done)), default=-1
    )
    used = sum(_tokens(r) for r in runs[last + 1 :] if r["status"] == "succeeded")
    busy = any(r["status"] in ("queued", "running") for r in runs)
    return {
        "chat_id": call.params["chat_id"],
        "harness": runs[-1].get("runner"),
        "harness_session_id": runs[-1].get("harness_session_id"),
        "context_window": CONTEXT_WINDOW,
        "used_tokens": used,
        "used_percent": round(100 * used / CONTEXT_WINDOW, 2),
        "runs": len(runs),
        "compactions": done,
        "can_compact": not busy,
        "compact_unavailable_reason": "a run of the chat is in flight" if busy else None,
    }


async def context(call: Call) -> Response:
    return ok(_context(call, _chat_runs(call)))


async def compact(call: Call) -> Response:
    runs = _chat_runs(call)
    body = await call.json()
    state = _context(call, runs)
    if not state["can_compact"]:
        raise ApiError(409, "CHAT_BUSY", "the chat has a run in flight; compact it afterwards")
    focus = body.get("focus") if isinstance(body.get("focus"), str) else None
    last = runs[-1]
    run = start_run(
        call,
        {
            "instruction": "/compact" + (f" {focus}" if focus else ""),
            "chat_id": call.params["chat_id"],
            "runner": last.get("runner"),
            "sandbox_id": last.get("sandbox_id"),
            "computer_id": last.get("computer_id"),
            "source": "compaction",
        },
    )
    _compactions(call)[run["id"]] = {
        "run_id": run["id"], "focus": focus, "tokens_before": state["used_tokens"],
        "tokens_after": 0,
    }  # fmt: skip
    call.resource_id = run["id"]
    return ok(run, 201)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/agents/chats/{chat_id}/context", context),
        Endpoint("POST", "/agents/chats/{chat_id}/compact", compact, "agent_chat.compact"),
    ]
