"""The converter: unknown fields kept, open enums, datetimes, keyword renames, strict mode."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
import pytest

from miosa._converter import make_converter, parse_datetime, structure, structure_list
from miosa.errors import ResponseValidationError
from miosa.types import Model, OpenEnum, SandboxData, SandboxState
from miosa.types.sandboxes import ResourceContract


class Color(OpenEnum):
    RED = "red"


@attrs.frozen(kw_only=True)
class Renamed(Model):
    from_: str | None = None
    color: Color | None = None
    count: int | None = None
    label: str | None = None


def test_unknown_fields_are_kept_in_raw_and_raw_is_read_only() -> None:
    model = structure({"id": "s", "brand_new": [1, 2]}, SandboxData)
    assert model.raw["brand_new"] == [1, 2]
    with pytest.raises(TypeError):
        model.raw["x"] = 1  # type: ignore[index]


def test_unknown_enum_values_are_kept() -> None:
    model = structure({"id": "s", "state": "hibernating"}, SandboxData)
    assert model.state == "hibernating"
    assert model.state is not None and not model.state.is_known
    assert structure({"id": "s", "state": "running"}, SandboxData).state is SandboxState.RUNNING


def test_keyword_fields_are_renamed_both_ways() -> None:
    model = structure({"from": "a", "color": "blue"}, Renamed)
    assert model.from_ == "a" and model.color == "blue"
    assert make_converter().unstructure(model)["from"] == "a"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-28T10:00:00Z", datetime(2026, 11, 28, 10, tzinfo=timezone.utc)),
        (
            "2026-11-28T10:00:00.123456+02:00",
            datetime(2026, 11, 28, 10, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2026-11-28T10:00:00", datetime(2026, 11, 28, 10, tzinfo=timezone.utc)),
        (0, datetime(1970, 1, 1, tzinfo=timezone.utc)),
        ("2026-11-28T10:00:00.5Z", datetime(2026, 11, 28, 10, 0, 0, 500000, tzinfo=timezone.utc)),
        (
            "2026-11-28T10:00:00.1234567+0000",
            datetime(2026, 11, 28, 10, 0, 0, 123456, tzinfo=timezone.utc),
        ),
    ],
)
def test_datetimes_are_tz_aware(text: object, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected and parsed.tzinfo is not None


def test_scalar_coercion_and_refusal() -> None:
    assert structure({"count": "3", "label": 5}, Renamed) == Renamed(count=3, label="5")
    with pytest.raises(ResponseValidationError):
        structure({"count": {"nested": 1}}, Renamed)
    with pytest.raises(ResponseValidationError):
        structure({"id": "s", "ready": "yes"}, SandboxData)


def test_a_strict_converter_makes_new_server_fields_visible() -> None:
    strict = make_converter(strict=True)
    with pytest.raises(Exception, match="brand_new"):
        strict.structure({"id": "s", "brand_new": 1}, SandboxData)
    assert strict.structure({"id": "s"}, SandboxData).id == "s"


def test_structure_list_keeps_order_and_reports_the_failing_item() -> None:
    models = structure_list([{"id": "a"}, {"id": "b", "state": "running"}], SandboxData)
    assert [m.id for m in models] == ["a", "b"]
    assert structure_list([], SandboxData) == []
    with pytest.raises(ResponseValidationError) as info:
        structure_list([{"id": "a"}, ["not", "an", "object"]], SandboxData, status_code=201)
    assert info.value.status_code == 201
    assert info.value.text == repr(["not", "an", "object"])


def test_scalar_unions_pass_any_listed_scalar_and_refuse_containers() -> None:
    assert structure({"version": 2}, ResourceContract).version == 2
    assert structure({"version": "v1"}, ResourceContract).version == "v1"
    assert structure({"version": None}, ResourceContract).version is None
    with pytest.raises(ResponseValidationError, match="expected one of"):
        structure({"version": [1]}, ResourceContract)
