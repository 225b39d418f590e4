# This file was generated from
#   src/miosa/_async/resources/channels.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Notification channels and notification preferences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.channels import Channel, ChannelType
from .._resource import APIResource


def _channel_path(channel_id: str) -> str:
    return route("/channels/{channel_id}", channel_id=channel_id)


class Channels(APIResource):
    """``client.channels``: where notifications go (Slack, Discord, email ...)."""

    def list(
        self,
        *,
        type: ChannelType | str | None = None,  # noqa: A002 - the wire name
        enabled: bool | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Channel]:
        """List the tenant's channels. ``GET /channels``.

        ``extra`` adds further query parameters, sent as given.
        """
        params = query_with(extra, type=type, enabled=enabled)
        return self._list(
            "GET",
            "/channels",
            Channel,
            params=params,
            keys=("data", "items", "channels"),
            options=options,
        )

    def get(self, channel_id: str, **options: Unpack[RequestOptions]) -> Channel:
        """Fetch one channel. ``GET /channels/{channel_id}``."""
        return self._object("GET", _channel_path(channel_id), Channel, options=options)

    def create(
        self,
        *,
        type: ChannelType | str,  # noqa: A002 - the wire name
        name: str | NotGiven = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Channel:
        """Create a channel. ``POST /channels``.

        ``type`` is e.g. ``"slack"``, ``"discord"`` or ``"email"``; ``extra`` adds body keys.
        """
        payload = merge(body(type=type, name=name, config=config), extra)
        return self._object("POST", "/channels", Channel, json=payload, options=options)

    def update(
        self,
        channel_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Channel:
        """Change a channel. ``PATCH /channels/{channel_id}``."""
        payload = merge(body(name=name, config=config), extra)
        return self._object(
            "PATCH", _channel_path(channel_id), Channel, json=payload, options=options
        )

    def delete(self, channel_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a channel. ``DELETE /channels/{channel_id}``."""
        self._none("DELETE", _channel_path(channel_id), options=options)

    def enable(self, channel_id: str, **options: Unpack[RequestOptions]) -> Channel:
        """Turn a channel on. ``POST /channels/{channel_id}/enable``."""
        return self._object("POST", _channel_path(channel_id) + "/enable", Channel, options=options)

    def disable(self, channel_id: str, **options: Unpack[RequestOptions]) -> Channel:
        """Turn a channel off. ``POST /channels/{channel_id}/disable``."""
        return self._object(
            "POST", _channel_path(channel_id) + "/disable", Channel, options=options
        )

    def list_notifications(self, **options: Unpack[RequestOptions]) -> dict[str, Any]:
        """The notification preferences across channels (a map). ``GET /channels/notifications``."""
        return self._object(
            "GET",
            "/channels/notifications",
            dict,
            unwrap=("data", "notifications"),
            options=options,
        )

    def update_notifications(
        self, preferences: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> dict[str, Any]:
        """Replace the notification preferences. ``PUT /channels/notifications``."""
        return self._object(
            "PUT",
            "/channels/notifications",
            dict,
            json=dict(preferences),
            unwrap=("data", "notifications"),
            options=options,
        )
