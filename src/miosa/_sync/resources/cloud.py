# This file was generated from
#   src/miosa/_async/resources/cloud.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Bring-your-own-cloud control plane (``/cloud``): cloud accounts, regions, capacity pools,
nodes and their certification, and preflight reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, new_idempotency_key, query, route
from ...types.cloud import (
    CloudAccount,
    CloudCapabilities,
    CloudNode,
    CloudPool,
    CloudPreflight,
    CloudRegion,
    NodeCertification,
    PoolProvisioning,
)
from .._resource import APIResource

CertifiableWorkload = Literal["sandbox", "computer", "deployment"]
_WORKLOADS = ("sandbox", "computer", "deployment")


class Cloud(APIResource):
    """``client.cloud``: run MIOSA machines in your own cloud account (BYOC)."""

    # -- accounts ------------------------------------------------------------------

    def list_accounts(self, **options: Unpack[RequestOptions]) -> list[CloudAccount]:
        """The organization's cloud accounts. ``GET /cloud/accounts``."""
        return self._list("GET", "/cloud/accounts", CloudAccount, keys=("data",), options=options)

    def create_account(
        self,
        *,
        provider: str,
        mode: str,
        display_name: str | NotGiven = NOT_GIVEN,
        external_account_id: str | NotGiven = NOT_GIVEN,
        credential_type: str | NotGiven = NOT_GIVEN,
        default_region: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CloudAccount:
        """Record a MIOSA-managed or a customer (BYOC) cloud account. ``POST /cloud/accounts``.

        ``provider`` is e.g. ``aws`` or ``gcp``; ``mode`` says who owns the account.
        """
        payload = body(
            provider=provider,
            mode=mode,
            display_name=display_name,
            external_account_id=external_account_id,
            credential_type=credential_type,
            default_region=default_region,
            metadata=metadata,
        )
        return self._object(
            "POST",
            "/cloud/accounts",
            CloudAccount,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def attach_aws_role(
        self,
        account_id: str,
        *,
        role_arn: str,
        default_region: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CloudAccount:
        """Attach the AWS role you created for MIOSA to assume.

        ``POST /cloud/accounts/{account_id}/aws-role``.
        """
        return self._object(
            "POST",
            route("/cloud/accounts/{account_id}/aws-role", account_id=account_id),
            CloudAccount,
            json=body(role_arn=role_arn, default_region=default_region),
            options=options,
        )

    def attach_gcp_workload_identity(
        self,
        account_id: str,
        *,
        project_id: str,
        actuator_service_account_email: str,
        worker_service_account_email: str,
        project_number: str | NotGiven = NOT_GIVEN,
        workload_identity_provider: str | NotGiven = NOT_GIVEN,
        default_region: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CloudAccount:
        """Attach GCP workload identity federation.

        ``POST /cloud/accounts/{account_id}/gcp-workload-identity``. The actuator and
        worker service accounts must differ (the API refuses the pair otherwise).
        """
        payload = body(
            project_id=project_id,
            project_number=project_number,
            workload_identity_provider=workload_identity_provider,
            actuator_service_account_email=actuator_service_account_email,
            worker_service_account_email=worker_service_account_email,
            default_region=default_region,
        )
        path = route("/cloud/accounts/{account_id}/gcp-workload-identity", account_id=account_id)
        return self._object("POST", path, CloudAccount, json=payload, options=options)

    def capabilities(
        self,
        *,
        cloud_region_id: str | None = None,
        cloud_pool_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CloudCapabilities:
        """Provider capabilities and control-plane readiness. ``GET /cloud/capabilities``."""
        return self._object(
            "GET",
            "/cloud/capabilities",
            CloudCapabilities,
            params=query(cloud_region_id=cloud_region_id, cloud_pool_id=cloud_pool_id),
            options=options,
        )

    # -- regions ---------------------------------------------------------------------

    def list_regions(
        self, *, cloud_account_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[CloudRegion]:
        """Regions, or one account's. ``GET /cloud/regions``."""
        return self._list(
            "GET",
            "/cloud/regions",
            CloudRegion,
            params=query(cloud_account_id=cloud_account_id),
            keys=("data",),
            options=options,
        )

    def create_region(
        self,
        *,
        cloud_account_id: str,
        provider_region: str,
        provider_zone: str | NotGiven = NOT_GIVEN,
        display_name: str | NotGiven = NOT_GIVEN,
        guest_supernet: str | NotGiven = NOT_GIVEN,
        artifact_manifest_uri: str | NotGiven = NOT_GIVEN,
        network_ref: str | NotGiven = NOT_GIVEN,
        subnet_ref: str | NotGiven = NOT_GIVEN,
        security_group_refs: Sequence[str] | NotGiven = NOT_GIVEN,
        instance_profile_ref: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CloudRegion:
        """Add a region of an account, with its network references. ``POST /cloud/regions``."""
        payload = body(
            cloud_account_id=cloud_account_id,
            provider_region=provider_region,
            provider_zone=provider_zone,
            display_name=display_name,
            guest_supernet=guest_supernet,
            artifact_manifest_uri=artifact_manifest_uri,
            network_ref=network_ref,
            subnet_ref=subnet_ref,
            security_group_refs=security_group_refs,
            instance_profile_ref=instance_profile_ref,
            metadata=metadata,
        )
        return self._object(
            "POST",
            "/cloud/regions",
            CloudRegion,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def update_region(
        self,
        region_id: str,
        *,
        provider_region: str | NotGiven = NOT_GIVEN,
        provider_zone: str | NotGiven = NOT_GIVEN,
        display_name: str | NotGiven = NOT_GIVEN,
        guest_supernet: str | NotGiven = NOT_GIVEN,
        artifact_manifest_uri: str | NotGiven = NOT_GIVEN,
        network_ref: str | NotGiven = NOT_GIVEN,
        subnet_ref: str | NotGiven = NOT_GIVEN,
        security_group_refs: Sequence[str] | NotGiven = NOT_GIVEN,
        instance_profile_ref: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CloudRegion:
        """Change a region's own fields (its account, provider and status are the server's).

        ``PATCH /cloud/regions/{region_id}``.
        """
        payload = body(
            provider_region=provider_region,
            provider_zone=provider_zone,
            display_name=display_name,
            guest_supernet=guest_supernet,
            artifact_manifest_uri=artifact_manifest_uri,
            network_ref=network_ref,
            subnet_ref=subnet_ref,
            security_group_refs=security_group_refs,
            instance_profile_ref=instance_profile_ref,
            metadata=metadata,
        )
        path = route("/cloud/regions/{region_id}", region_id=region_id)
        return self._object("PATCH", path, CloudRegion, json=payload, options=options)

    # -- pools and nodes ------------------------------------------------------------

    def list_pools(
        self, *, cloud_region_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[CloudPool]:
        """Capacity pools, or one region's. ``GET /cloud/pools``."""
        return self._list(
            "GET",
            "/cloud/pools",
            CloudPool,
            params=query(cloud_region_id=cloud_region_id),
            keys=("data",),
            options=options,
        )

    def create_pool(
        self,
        *,
        cloud_region_id: str,
        pool_kind: str | NotGiven = NOT_GIVEN,
        node_type: str | NotGiven = NOT_GIVEN,
        instance_type: str | NotGiven = NOT_GIVEN,
        target_nodes: int | NotGiven = NOT_GIVEN,
        max_nodes: int | NotGiven = NOT_GIVEN,
        ttl_seconds: int | NotGiven = NOT_GIVEN,
        max_hourly_cents: int | NotGiven = NOT_GIVEN,
        placement_scope: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CloudPool:
        """Create a capacity pool in a region. ``POST /cloud/pools``.

        ``target_nodes=0`` is sent as 0 (an empty pool), not dropped.
        """
        payload = body(
            cloud_region_id=cloud_region_id,
            pool_kind=pool_kind,
            node_type=node_type,
            instance_type=instance_type,
            target_nodes=target_nodes,
            max_nodes=max_nodes,
            ttl_seconds=ttl_seconds,
            max_hourly_cents=max_hourly_cents,
            placement_scope=placement_scope,
            metadata=metadata,
        )
        return self._object(
            "POST",
            "/cloud/pools",
            CloudPool,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def update_pool(
        self,
        pool_id: str,
        *,
        target_nodes: int | NotGiven = NOT_GIVEN,
        max_nodes: int | NotGiven = NOT_GIVEN,
        ttl_seconds: int | NotGiven = NOT_GIVEN,
        max_hourly_cents: int | NotGiven = NOT_GIVEN,
        placement_scope: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CloudPool:
        """Change a pool's size, ceiling, spend guardrail, scope or TTL.

        ``PATCH /cloud/pools/{pool_id}``.
        """
        payload = body(
            target_nodes=target_nodes,
            max_nodes=max_nodes,
            ttl_seconds=ttl_seconds,
            max_hourly_cents=max_hourly_cents,
            placement_scope=placement_scope,
        )
        path = route("/cloud/pools/{pool_id}", pool_id=pool_id)
        return self._object("PATCH", path, CloudPool, json=payload, options=options)

    def provision_pool(
        self,
        pool_id: str,
        *,
        count: int | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PoolProvisioning:
        """Launch ``count`` hosts (1-50) into a pool, in your own cloud account.

        ``POST /cloud/pools/{pool_id}/provision``.
        """
        if not isinstance(count, NotGiven) and not 1 <= count <= 50:
            raise ValueError(f"count must be between 1 and 50, not {count}")
        return self._object(
            "POST",
            route("/cloud/pools/{pool_id}/provision", pool_id=pool_id),
            PoolProvisioning,
            json=body(count=count),
            idempotency_key=idempotency_key,
            options=options,
        )

    def list_nodes(
        self, *, cloud_pool_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[CloudNode]:
        """Nodes, or one pool's. ``GET /cloud/nodes``."""
        return self._list(
            "GET",
            "/cloud/nodes",
            CloudNode,
            params=query(cloud_pool_id=cloud_pool_id),
            keys=("data",),
            options=options,
        )

    def certify_node(
        self,
        node_id: str,
        *,
        workload: CertifiableWorkload = "sandbox",
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NodeCertification:
        """Queue the workload certification harness on a node (BYOC onboarding's one
        manual step: it never runs by itself). ``POST /cloud/nodes/{node_id}/certify``.

        The API requires an idempotency key in the body: one is made when not given, and
        the same key goes in the ``Idempotency-Key`` header.
        """
        if workload not in _WORKLOADS:
            raise ValueError(f"workload must be one of {', '.join(_WORKLOADS)}, not {workload!r}")
        key = idempotency_key or new_idempotency_key()
        return self._object(
            "POST",
            route("/cloud/nodes/{node_id}/certify", node_id=node_id),
            NodeCertification,
            json={"workload": workload, "idempotency_key": key},
            idempotency_key=key,
            options=options,
        )

    # -- preflights -----------------------------------------------------------------

    def list_preflights(
        self,
        *,
        cloud_account_id: str | None = None,
        cloud_region_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[CloudPreflight]:
        """Preflight reports, newest first. ``GET /cloud/preflights``."""
        return self._list(
            "GET",
            "/cloud/preflights",
            CloudPreflight,
            params=query(
                cloud_account_id=cloud_account_id, cloud_region_id=cloud_region_id, limit=limit
            ),
            keys=("data",),
            options=options,
        )

    def record_preflight(
        self,
        *,
        provider: str,
        status: str,
        cloud_account_id: str | NotGiven = NOT_GIVEN,
        cloud_region_id: str | NotGiven = NOT_GIVEN,
        checks: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        raw_report: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CloudPreflight:
        """Record the report of a preflight run against an account or region.

        ``POST /cloud/preflights``.
        """
        payload = body(
            cloud_account_id=cloud_account_id,
            cloud_region_id=cloud_region_id,
            provider=provider,
            status=status,
            checks=checks,
            raw_report=raw_report,
            metadata=metadata,
        )
        return self._object(
            "POST",
            "/cloud/preflights",
            CloudPreflight,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )
