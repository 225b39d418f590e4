"""Pure helpers for MIOSA Connect (``/connect/*``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.request import NOT_GIVEN, NotGiven

DEFAULT_CREDENTIAL_FIELD = "api_key"


def wire_enum(value: str | NotGiven) -> str | NotGiven:
    """Connect spells its enum values with underscores (``brokered_env``); the hyphenated
    forms people type from the docs (``brokered-env``, ``api-key``) are accepted too."""
    return value if isinstance(value, NotGiven) else value.replace("-", "_")


def default_uid(provider: str, name: str | NotGiven) -> str:
    """The uid a connector gets when none is given: ``{provider}/{name}``, or
    ``{provider}/default`` for an unnamed one (the convention of MIOSA's SDKs)."""
    return f"{provider}/{'default' if isinstance(name, NotGiven) else name}"


def credential_body(
    value: str | NotGiven, field: str, extra: Mapping[str, Any] | None
) -> dict[str, Any] | NotGiven:
    """The ``credential`` object of a create: the secret under ``value``, the name of the
    provider's field it fills under ``field``, plus any provider-specific keys. Nothing
    when neither a value nor extra keys are given (an OAuth-backed connector)."""
    if isinstance(value, NotGiven) and not extra:
        return NOT_GIVEN
    credential: dict[str, Any] = dict(extra or {})
    credential["field"] = field
    if not isinstance(value, NotGiven):
        credential["value"] = value
    return credential
