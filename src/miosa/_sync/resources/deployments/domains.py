# This file was generated from
#   src/miosa/_async/resources/deployments/domains.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Custom domains of a deployment: ``/deployments/{deployment_id}/domains``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ...._groups.platform import query_with
from ....types.domains import DeploymentDomain
from ..._resource import APIResource
from ._base import DEPLOYMENT, deployment_path

_DOMAIN = DEPLOYMENT + "/domains/{domain_id}"


class DeploymentDomains(APIResource):
    """``client.deployments.domains``: custom domains attached to one deployment."""

    def add(
        self,
        deployment_id: str,
        *,
        domain: str,
        redirect_policy: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> DeploymentDomain:
        """Attach a domain. ``POST /deployments/{deployment_id}/domains``.

        ``redirect_policy`` is ``"none"``, ``"www_to_apex"`` or ``"apex_to_www"``.
        """
        payload = body(
            domain=domain,
            redirect_policy=redirect_policy,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
        )
        return self._object(
            "POST",
            deployment_path(deployment_id) + "/domains",
            DeploymentDomain,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def list(
        self,
        deployment_id: str,
        *,
        external_workspace_id: str | None = None,
        external_user_id: str | None = None,
        external_project_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[DeploymentDomain]:
        """List the deployment's domains. ``GET /deployments/{deployment_id}/domains``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        params = query_with(
            extra,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
        )
        return self._list(
            "GET",
            deployment_path(deployment_id) + "/domains",
            DeploymentDomain,
            params=params,
            keys=("data", "items", "domains"),
            options=options,
        )

    def verify(
        self, deployment_id: str, domain_id: str, **options: Unpack[RequestOptions]
    ) -> DeploymentDomain:
        """Check the domain's DNS now.

        ``POST /deployments/{deployment_id}/domains/{domain_id}/verify``.
        """
        path = route(_DOMAIN + "/verify", deployment_id=deployment_id, domain_id=domain_id)
        return self._object("POST", path, DeploymentDomain, options=options)

    def delete(self, deployment_id: str, domain_id: str, **options: Unpack[RequestOptions]) -> None:
        """Detach a domain. ``DELETE /deployments/{deployment_id}/domains/{domain_id}``."""
        path = route(_DOMAIN, deployment_id=deployment_id, domain_id=domain_id)
        self._none("DELETE", path, options=options)
