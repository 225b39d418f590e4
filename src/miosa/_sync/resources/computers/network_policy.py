# This file was generated from
#   src/miosa/_async/resources/computers/network_policy.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.network_policy``: egress rules at ``/computers/{id}/network-policy``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ...._groups.computers import rule_payload
from ....types.computers import ComputerNetworkPolicyData, ComputerNetworkRule
from ..._resource import ScopedResource


class ComputerNetworkPolicy(ScopedResource):
    """``computer.network_policy``: the computer's egress firewall, applied live."""

    def get(self, **options: Unpack[RequestOptions]) -> ComputerNetworkPolicyData:
        """The policy (allow-all if none). ``GET /computers/{computer_id}/network-policy``."""
        return self._object(
            "GET", self._prefix + "/network-policy", ComputerNetworkPolicyData, options=options
        )

    def set(
        self,
        rules: Sequence[ComputerNetworkRule | Mapping[str, Any]],
        *,
        default_effect: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ComputerNetworkPolicyData:
        """Replace the whole policy; rules are evaluated top to bottom.

        ``PUT /computers/{computer_id}/network-policy``. A rule is a `ComputerNetworkRule`
        or a mapping with ``effect``, ``destination`` and optional ``ports``/``protocol``.
        """
        payload = body(rules=[rule_payload(rule) for rule in rules], default_effect=default_effect)
        return self._object(
            "PUT",
            self._prefix + "/network-policy",
            ComputerNetworkPolicyData,
            json=payload,
            options=options,
        )

    def reset(self, **options: Unpack[RequestOptions]) -> None:
        """Back to allow-all (idempotent). ``DELETE /computers/{computer_id}/network-policy``."""
        self._none("DELETE", self._prefix + "/network-policy", options=options)
