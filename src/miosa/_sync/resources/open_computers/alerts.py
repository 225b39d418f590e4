# This file was generated from
#   src/miosa/_async/resources/open_computers/alerts.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers alerts: rules that fire, the channels they deliver to, and the fires."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._groups.open_computers import optional_body
from ....types.open_computers_monitoring import (
    OpenComputerAlertChannel,
    OpenComputerAlertFire,
    OpenComputerAlertFireTest,
    OpenComputerAlertRule,
)
from ..._resource import APIResource

_RULES = "/opencomputers/alerts/rules"
_CHANNELS = "/opencomputers/alerts/channels"
_FIRES = "/opencomputers/alerts/fires"


def _rule(rule_id: str) -> str:
    return route(_RULES + "/{rule_id}", rule_id=rule_id)


def _channel(channel_id: str) -> str:
    return route(_CHANNELS + "/{channel_id}", channel_id=channel_id)


class OpenComputerAlertRules(APIResource):
    """``client.open_computers.alert_rules``: when to raise an alert, and to whom."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[OpenComputerAlertRule]:
        """Every alert rule of the tenant. ``GET /opencomputers/alerts/rules``."""
        return self._list(
            "GET", _RULES, OpenComputerAlertRule, keys=("data", "rules"), options=options
        )

    def create(
        self,
        *,
        name: str,
        trigger_kind: str,
        trigger_config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        state: str | NotGiven = NOT_GIVEN,
        cooldown_s: int | NotGiven = NOT_GIVEN,
        severity: str | NotGiven = NOT_GIVEN,
        channel_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertRule:
        """Create an alert rule. ``POST /opencomputers/alerts/rules``.

        Args:
            trigger_kind: What fires the rule: a threshold, an event, a schedule, or a
                host going offline.
            trigger_config: The trigger's settings.
            cooldown_s: The least time between two fires, in seconds.
            channel_ids: The channels a fire is delivered to.
            host_id: Watch one host only (default: every host of the tenant).
            extra: More body fields, sent as given.
        """
        payload = body(
            name=name,
            description=description,
            state=state,
            trigger_kind=trigger_kind,
            trigger_config=trigger_config,
            cooldown_s=cooldown_s,
            severity=severity,
            channel_ids=channel_ids,
            host_id=host_id,
        )
        return self._object(
            "POST",
            _RULES,
            OpenComputerAlertRule,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def update(
        self,
        rule_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        state: str | NotGiven = NOT_GIVEN,
        trigger_config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        cooldown_s: int | NotGiven = NOT_GIVEN,
        severity: str | NotGiven = NOT_GIVEN,
        channel_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertRule:
        """Change an alert rule (its trigger kind and host are fixed).

        ``PATCH /opencomputers/alerts/rules/{rule_id}``.
        """
        payload = body(
            name=name,
            description=description,
            state=state,
            trigger_config=trigger_config,
            cooldown_s=cooldown_s,
            severity=severity,
            channel_ids=channel_ids,
        )
        return self._object(
            "PATCH",
            _rule(rule_id),
            OpenComputerAlertRule,
            json=merge(payload, extra),
            options=options,
        )

    def delete(self, rule_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete an alert rule. ``DELETE /opencomputers/alerts/rules/{rule_id}``."""
        self._none("DELETE", _rule(rule_id), options=options)

    def fire_test(
        self,
        rule_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertFireTest:
        """Fire a rule now, whatever its trigger says: a real delivery to its channels.

        ``POST /opencomputers/alerts/rules/{rule_id}/fire-test``.
        """
        return self._object(
            "POST",
            _rule(rule_id) + "/fire-test",
            OpenComputerAlertFireTest,
            json=optional_body(extra),
            options=options,
        )


class OpenComputerAlertChannels(APIResource):
    """``client.open_computers.alert_channels``: Slack, Discord and webhook destinations."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[OpenComputerAlertChannel]:
        """Every notification channel of the tenant. ``GET /opencomputers/alerts/channels``."""
        return self._list(
            "GET", _CHANNELS, OpenComputerAlertChannel, keys=("data", "channels"), options=options
        )

    def create(
        self,
        *,
        name: str,
        kind: str,
        config: Mapping[str, Any],
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertChannel:
        """Create a channel. ``POST /opencomputers/alerts/channels``.

        ``kind`` is ``"slack"``, ``"discord"`` or ``"webhook"``; ``config`` holds where to
        deliver (a webhook URL, ...).
        """
        return self._object(
            "POST",
            _CHANNELS,
            OpenComputerAlertChannel,
            json=merge(body(name=name, kind=kind, config=config), extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def update(
        self,
        channel_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertChannel:
        """Rename a channel or change where it delivers.

        ``PATCH /opencomputers/alerts/channels/{channel_id}``.
        """
        return self._object(
            "PATCH",
            _channel(channel_id),
            OpenComputerAlertChannel,
            json=merge(body(name=name, config=config), extra),
            options=options,
        )

    def delete(self, channel_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a channel. ``DELETE /opencomputers/alerts/channels/{channel_id}``."""
        self._none("DELETE", _channel(channel_id), options=options)

    def verify(
        self,
        channel_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertChannel:
        """Send a probe through a channel; on success its ``verified_at`` is set.

        ``POST /opencomputers/alerts/channels/{channel_id}/verify``.
        """
        return self._object(
            "POST",
            _channel(channel_id) + "/verify",
            OpenComputerAlertChannel,
            json=optional_body(extra),
            options=options,
        )


class OpenComputerAlertFires(APIResource):
    """``client.open_computers.alert_fires``: what fired, and who acknowledged it."""

    def list(
        self,
        *,
        limit: int | None = None,
        rule_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[OpenComputerAlertFire]:
        """Recent fires, newest first. ``GET /opencomputers/alerts/fires``.

        `limit` defaults to 50 on the server (at most 200); `rule_id` keeps one rule's.
        """
        return self._list(
            "GET",
            _FIRES,
            OpenComputerAlertFire,
            params=query(limit=limit, rule_id=rule_id),
            keys=("data", "fires"),
            options=options,
        )

    def ack(
        self,
        fire_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAlertFire:
        """Acknowledge a fire as the calling user.

        ``POST /opencomputers/alerts/fires/{fire_id}/ack``.
        """
        return self._object(
            "POST",
            route(_FIRES + "/{fire_id}/ack", fire_id=fire_id),
            OpenComputerAlertFire,
            json=optional_body(extra),
            options=options,
        )
