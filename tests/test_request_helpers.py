"""Pure request helpers: path encoding, bodies, queries, envelopes, error mapping."""

from __future__ import annotations

import json

import pytest

from miosa import NOT_GIVEN
from miosa._core.paging import PageRequest, next_page_request
from miosa._core.request import UrlCache, body, file_path_param, query, route
from miosa._core.responses import next_cursor_of, unwrap_list, unwrap_object
from miosa._core.status_errors import error_from_response
from miosa.errors import NotFoundError, RateLimitError, ServerError, ValidationError


def test_route_encodes_every_parameter_including_slashes() -> None:
    assert route("/a/{x}/b/{y}", x="1/2", y="é ?") == "/a/1%2F2/b/%C3%A9%20%3F"


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_route_refuses_ids_that_change_the_path(bad: str) -> None:
    with pytest.raises(ValueError):
        route("/sandboxes/{sandbox_id}", sandbox_id=bad)


def test_file_paths_keep_slashes_but_refuse_traversal() -> None:
    assert file_path_param("/workspace/out dir/a.pdf") == "workspace/out%20dir/a.pdf"
    for bad in ("/", "", "/workspace/../etc/passwd", "a//b", "./x"):
        with pytest.raises(ValueError):
            file_path_param(bad)


def test_body_drops_only_not_given() -> None:
    assert body(a=1, b=None, c=NOT_GIVEN, d=False) == {"a": 1, "b": None, "d": False}


def test_query_stringifies() -> None:
    assert query(a=True, b=False, c=3, d=["x", "y"], e=None, f=NOT_GIVEN) == {
        "a": "true",
        "b": "false",
        "c": "3",
        "d": "x,y",
    }


def test_unwrapping() -> None:
    assert unwrap_object({"data": {"id": 1}}) == {"id": 1}
    assert unwrap_object({"id": 1, "data": "text"}) == {"id": 1, "data": "text"}
    keys = ("data", "webhooks", "items")
    assert unwrap_list({"data": [1]}, keys) == [1]
    assert unwrap_list({"webhooks": [2]}, keys) == [2]
    assert unwrap_list([3], ()) == [3]
    assert unwrap_list({"data": {"items": [4]}}, keys) == [4]
    assert unwrap_list({"data": {"webhooks": [5]}}, keys) == [5]
    assert unwrap_list({"sandboxes": [6]}, keys) is None  # only the keys the call names
    assert unwrap_list({"nothing": 1}, keys) is None


def test_cursor_lookup() -> None:
    assert next_cursor_of({"next_cursor": "c1"}) == "c1"
    assert next_cursor_of({"meta": {"next_cursor": "c2"}}) == "c2"
    assert next_cursor_of({"next_cursor": None}) is None
    assert next_cursor_of({"next_cursor": ""}) is None
    nested = {"data": {"commits": [], "page": {"has_more": True, "next_cursor": "c3"}}}
    assert next_cursor_of(nested) == "c3"


def test_next_page_by_cursor_and_by_page_number() -> None:
    request = PageRequest(path="/x", params={"limit": "2"}, cursor_param="after")
    nxt = next_page_request({"next_cursor": "c"}, request, 2)
    assert nxt is not None and nxt.params == {"limit": "2", "after": "c"}
    numbered = next_page_request({"meta": {"total": 5, "page": 1, "per_page": 2}}, request, 2)
    assert numbered is not None and numbered.params["page"] == "2"
    assert next_page_request({"meta": {"total": 4, "page": 2, "per_page": 2}}, request, 2) is None
    assert next_page_request({"data": []}, request, 0) is None


def test_error_mapping_without_a_body() -> None:
    error = error_from_response(404, {}, b"", attempts=1)
    assert isinstance(error, NotFoundError) and error.message == "HTTP 404"
    assert isinstance(error_from_response(418, {}, b"", attempts=1), ValidationError)
    assert isinstance(error_from_response(599, {}, b"", attempts=2), ServerError)
    limited = error_from_response(429, {}, json.dumps({"retry_after": 2.5}).encode(), attempts=1)
    assert isinstance(limited, RateLimitError) and limited.retry_after == 2.5


def test_url_cache_reuses_parsed_urls_and_starts_over_when_full() -> None:
    urls = UrlCache("https://api.miosa.ai/api/v1", size=2)
    first = urls("/sandboxes/a")
    assert str(first) == "https://api.miosa.ai/api/v1/sandboxes/a"
    assert urls("/sandboxes/a") is first
    urls("/sandboxes/b")
    third = urls("/sandboxes/c")  # full: the cache started over with this one
    assert str(third) == "https://api.miosa.ai/api/v1/sandboxes/c"
    assert urls("/sandboxes/a") is not first
    assert urls("/sandboxes/a") == first
