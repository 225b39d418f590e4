"""Table-driven wire cases for the platform groups (pure; shared by async and sync tests).

A `Case` names a client method by its dotted path, the arguments to call it with, the
exact request that must reach the wire (method, raw path, query, JSON body, headers)
and a canned reply; `check_request` and `check_result` assert both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from tests.helpers import NO_BODY, assert_request, json_response


def _id_reply() -> object:
    return {"data": {"id": "x_1"}}


@attrs.frozen(kw_only=True)
class Case:
    call: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = attrs.field(factory=dict)
    method: str
    path: str
    query: Mapping[str, str] = attrs.field(factory=dict)
    body: object = NO_BODY
    headers: Mapping[str, str] = attrs.field(factory=dict)
    reply: object = attrs.field(factory=_id_reply)
    status: int = 200
    result: type | None = None
    """The model of the result (of each item for lists and pages); None: result is None."""
    many: bool = False
    """The result is a list (or a page) of `result`."""
    result_ids: tuple[str, ...] = ("x_1",)
    """The ``raw["id"]`` of the result, or of each item."""

    @property
    def route(self) -> str:
        return f"{self.method} {self.path}"

    def response(self) -> httpx.Response:
        if self.reply is None:
            return httpx.Response(self.status)
        return json_response(self.status, self.reply)

    def __str__(self) -> str:
        return self.call


def case_id(case: Case) -> str:
    return f"{case.call}-{case.method}"


def resolve(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def check_request(request: httpx.Request, case: Case) -> None:
    assert_request(
        request,
        method=case.method,
        path=case.path,
        query=case.query,
        body=case.body,
        headers=case.headers,
    )


def check_result(result: Any, case: Case) -> None:
    if case.result is None:
        assert result is None
        return
    if case.many:
        items = list(getattr(result, "items", result))
        assert [type(item) for item in items] == [case.result] * len(items)
        assert tuple(item.raw.get("id") for item in items) == case.result_ids
        return
    raw = result.raw
    assert type(result) is case.result
    assert raw.get("id") == case.result_ids[0]
