"""Notification channels (``/channels``) and the notification preferences
(``/channels/notifications``).

Channels are records: created enabled, turned off and on by ``/disable`` and ``/enable``,
listed by ``type`` and ``enabled``. Nothing is delivered through them locally (no Slack or
email is reached); the preferences are one map, replaced whole by ``PUT``.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import bad_request, json_response, ok, paginate
from .records import Action, Collection, crud_endpoints, find, records, respond
from .routing import Call, Endpoint

CHANNELS = Collection(
    "/channels",
    "channel_id",
    "chn",
    "channel",
    verbs=frozenset({"get", "delete"}),
    actions={
        "enable": Action(sets={"enabled": True}),
        "disable": Action(sets={"enabled": False}),
    },
)
NOTIFICATIONS = "/channels/notifications"
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def _enabled_filter(call: Call) -> bool | None:
    raw = call.query.get("enabled")
    if raw is None or raw == "":
        return None
    if raw.lower() not in _BOOLEANS:
        raise bad_request("enabled must be true or false", param="enabled")
    return _BOOLEANS[raw.lower()]


async def list_channels(call: Call) -> Response:
    """``GET /channels``: filtered by ``type`` and ``enabled``, oldest first."""
    kind = call.query.get("type")
    enabled = _enabled_filter(call)
    found = [
        c
        for c in records(call, CHANNELS).values()
        if (not kind or c["type"] == kind) and (enabled is None or c["enabled"] is enabled)
    ]
    return json_response(paginate(found, call.query))


async def create_channel(call: Call) -> Response:
    """``POST /channels``: a new channel, enabled."""
    body = await call.json()
    stamp = iso(now())
    channel: JSON = {
        "id": new_id("chn"),
        "type": require(body, "type", str),
        "name": optional(body, "name", str),
        "enabled": optional(body, "enabled", bool, True),
        "config": optional(body, "config", dict, {}),
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, CHANNELS)[channel["id"]] = channel
    call.resource_id = channel["id"]
    return respond(CHANNELS, channel, 201)


async def update_channel(call: Call) -> Response:
    """``PATCH /channels/{channel_id}``: ``name`` and ``config`` (the type stays)."""
    channel = find(call, CHANNELS)
    body = await call.json()
    name = optional(body, "name", str)
    config = optional(body, "config", dict)
    if name is not None:
        channel["name"] = name
    if config is not None:
        channel["config"] = config
    channel["updated_at"] = iso(now())
    return respond(CHANNELS, channel)


def _preferences(call: Call) -> JSON:
    return call.store.records.setdefault(NOTIFICATIONS, {}).setdefault("", {})


async def get_notifications(call: Call) -> Response:
    """``GET /channels/notifications``: the preference map (empty at first)."""
    return ok(_preferences(call))


async def put_notifications(call: Call) -> Response:
    """``PUT /channels/notifications``: replaces the preference map with the body."""
    body = await call.json()
    preferences = _preferences(call)
    preferences.clear()
    preferences.update(body)
    return ok(preferences)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/channels", list_channels),
        Endpoint("POST", "/channels", create_channel, "channel.create"),
        Endpoint("PATCH", CHANNELS.item_path, update_channel, "channel.update"),
        Endpoint("GET", NOTIFICATIONS, get_notifications),
        Endpoint("PUT", NOTIFICATIONS, put_notifications, "channel.notifications.update"),
        *crud_endpoints([CHANNELS]),
    ]
