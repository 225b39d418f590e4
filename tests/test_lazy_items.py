"""A page's items are filled field by field when read, and are otherwise the model itself.

Every model is checked against the eager path (`structure`): the same class, fields,
``repr``, equality, hash, ``to_dict``, pickling and copies, and the same errors, raised
when the bad field is read instead of when the page arrives.
"""

from __future__ import annotations

import copy
import functools
import operator
import pickle
from datetime import datetime, timezone
from functools import partial
from typing import Any

import attrs
import pytest

from miosa._converter import structure, structure_page_items
from miosa.errors import ResponseValidationError
from miosa.types import AuditLogEntry, Model, UsageSession, Webhook, WebhookDelivery
from tests.test_model_codegen import MODELS, _sample, _wire

# A model whose page items fill lazily has been given a __getattr__ of its own.
LAZY = "__getattr__"


def _page_of(payload: Any, cls: type[Any], **origin: Any) -> Any:
    (item,) = structure_page_items([payload], cls, **origin)
    return item


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__qualname__)
def test_every_page_item_equals_the_eagerly_built_model(cls: type[Model]) -> None:
    payload = _sample(cls)
    eager = structure(payload, cls)
    item = _page_of(payload, cls)
    assert type(item) is cls
    assert dict(item.raw) == payload
    for field in attrs.fields(cls):
        assert getattr(item, field.name) == getattr(eager, field.name), field.name
    # Each comparison below reads every field of a fresh item.
    assert _page_of(payload, cls) == eager and eager == _page_of(payload, cls)
    assert operator.ne(_page_of(payload, cls), eager) is False
    assert repr(_page_of(payload, cls)) == repr(eager)
    assert _page_of(payload, cls).to_dict() == eager.to_dict()
    restored = pickle.loads(pickle.dumps(_page_of(payload, cls)))
    assert type(restored) is cls and restored == eager and dict(restored.raw) == payload
    assert copy.deepcopy(_page_of(payload, cls)) == eager
    assert copy.copy(_page_of(payload, cls)) == eager


def _read(item: Any, name: str) -> Any:
    """Field `name` of `item` (a callable building it), or the error class either raised."""
    try:
        return getattr(item() if callable(item) else item, name)
    except ResponseValidationError:
        return ResponseValidationError


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__qualname__)
def test_a_wrong_field_fails_on_read_where_the_eager_path_fails_on_arrival(
    cls: type[Any],
) -> None:
    payload = _sample(cls)
    _page_of(payload, cls)
    lazy = LAZY in vars(cls)  # models with a post-init of their own are built on arrival
    for field in attrs.fields(attrs.resolve_types(cls)):
        for bad in ([1], {"x": 1}, 3, True):
            changed = {**payload, _wire(field): bad}
            expected = _read(partial(structure, changed, cls), field.name)
            if lazy:
                item = _page_of(changed, cls)  # a wrong field never fails on arrival
                got = _read(item, field.name)
            else:
                got = _read(partial(_page_of, changed, cls), field.name)
            assert got == expected, (field.name, bad)


def test_most_models_build_their_page_items_lazily() -> None:
    for cls in MODELS:
        _page_of(_sample(cls), cls)
    eager = sorted(cls.__qualname__ for cls in MODELS if LAZY not in vars(cls))
    assert eager == ["OpenComputerAgentSession", "Webhook"]


def test_a_field_is_converted_once_and_then_read_from_its_slot() -> None:
    item = _page_of({"id": "aud_1", "created_at": "2026-11-28T10:00:00Z"}, AuditLogEntry)
    first = item.created_at
    assert first == datetime(2026, 11, 28, 10, tzinfo=timezone.utc)
    assert item.created_at is first  # a second parse would give a new object
    assert AuditLogEntry.__dict__["created_at"].__get__(item) is first


def test_alias_pairs_are_filled_from_either_spelling() -> None:
    old = _page_of({"id": "d1", "event_type": "sandbox.ready", "attempts": 2}, WebhookDelivery)
    new = _page_of({"id": "d2", "event": "sandbox.ready", "attempt_count": 2}, WebhookDelivery)
    assert (old.event, old.event_type, old.attempt_count) == ("sandbox.ready",) * 2 + (2,)
    assert (new.event, new.event_type, new.attempts) == ("sandbox.ready",) * 2 + (2,)
    entry = _page_of({"inserted_at": "2026-11-28T10:00:00Z"}, AuditLogEntry)
    assert entry.created_at == entry.inserted_at is not None


def test_the_error_names_the_field_the_status_and_the_request_id() -> None:
    item = _page_of(
        {"id": "aud_1", "created_at": "yesterday"},
        AuditLogEntry,
        status_code=203,
        request_id="req_9",
    )
    assert item.id == "aud_1"
    with pytest.raises(ResponseValidationError) as info:
        item.created_at  # noqa: B018
    assert "AuditLogEntry.created_at" in str(info.value)
    assert (info.value.status_code, info.value.request_id) == (203, "req_9")
    assert info.value.text == "'yesterday'"
    with pytest.raises(ResponseValidationError):
        item.created_at  # noqa: B018  (still empty: the next read fails the same way)


def test_an_item_that_is_not_an_object_or_lacks_a_required_key_fails_on_arrival() -> None:
    with pytest.raises(ResponseValidationError) as info:
        structure_page_items(
            [{"id": "s1"}, "s2"], UsageSession, status_code=200, request_id="req_1"
        )
    assert info.value.request_id == "req_1" and "'s2'" in info.value.text

    @attrs.frozen(kw_only=True)
    class Needs(Model):
        name: str
        note: str | None = None

    assert structure_page_items([{"name": "n"}], Needs)[0].name == "n"
    with pytest.raises(ResponseValidationError, match="name"):
        structure_page_items([{"note": "no name"}], Needs)


def test_models_with_a_post_init_of_their_own_are_built_on_arrival() -> None:
    with pytest.raises(ResponseValidationError):
        structure_page_items([{"id": "wh_1", "url": ["not", "a", "url"]}], Webhook)
    (webhook,) = structure_page_items([{"id": "wh_1", "active": True}], Webhook)
    assert LAZY not in vars(Webhook)
    assert Webhook.__dict__["id"].__get__(webhook) == "wh_1"  # filled on arrival
    assert Webhook.__dict__["enabled"].__get__(webhook) is True


def test_unknown_attributes_still_raise_attribute_error() -> None:
    item = _page_of({"id": "aud_1"}, AuditLogEntry)
    with pytest.raises(AttributeError, match="'AuditLogEntry' object has no attribute 'nope'"):
        item.nope  # noqa: B018
    assert getattr(item, "nope", "default") == "default"
    assert AuditLogEntry(id="x").raw == {}  # a model built by hand has no `raw`


def test_a_subclass_of_a_lazy_model_is_lazy_too_and_named_in_errors() -> None:
    @attrs.frozen(kw_only=True)
    class Entry(Model):
        id: str | None = None

    @attrs.frozen(kw_only=True)
    class DetailedEntry(Entry):
        detail: str | None = None

    _page_of({"id": "e1"}, Entry)  # the parent's items first
    item = _page_of({"id": "e2", "detail": "d"}, DetailedEntry)
    assert LAZY in vars(DetailedEntry)
    assert (item.id, item.detail) == ("e2", "d")
    eager = structure({"id": "e3"}, DetailedEntry)
    with pytest.raises(AttributeError, match="'DetailedEntry' object has no attribute 'nope'"):
        eager.nope  # type: ignore[attr-defined]  # noqa: B018


def test_evolve_and_hash_see_the_filled_values() -> None:
    payload = {"id": "aud_1", "action": "sandbox.create", "created_at": "2026-11-28T10:00:00Z"}
    item = _page_of(payload, AuditLogEntry)
    assert attrs.evolve(item, action="sandbox.delete") == attrs.evolve(
        structure(payload, AuditLogEntry), action="sandbox.delete"
    )
    assert hash(_page_of(payload, AuditLogEntry)) == hash(structure(payload, AuditLogEntry))
    assert len({_page_of(payload, AuditLogEntry), structure(payload, AuditLogEntry)}) == 1


def test_a_model_with_a_getattr_of_its_own_is_built_on_arrival() -> None:
    @attrs.frozen(kw_only=True)
    class Measured(Model):
        size: int | None = None

        @functools.cached_property
        def doubled(self) -> int:  # attrs serves cached properties through __getattr__
            return (self.size or 0) * 2

    own = vars(Measured)["__getattr__"]
    (item,) = structure_page_items([{"size": 4}], Measured)
    assert vars(Measured)["__getattr__"] is own
    assert Measured.__dict__["size"].__get__(item) == 4  # filled on arrival
    assert item.doubled == 8
