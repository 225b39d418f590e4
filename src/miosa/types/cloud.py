"""Models of bring-your-own-cloud: cloud accounts, regions, capacity pools, their nodes and
certifications, and preflight reports (``/cloud``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "CloudAccount",
    "CloudCapabilities",
    "CloudNode",
    "CloudPool",
    "CloudPreflight",
    "CloudRegion",
    "NodeCertification",
    "PoolProvisioning",
]


@attrs.frozen(kw_only=True)
class CloudAccount(Model):
    """A cloud account: MIOSA-managed, or yours (BYOC) once a role or identity is attached."""

    id: str | None = None
    provider: str | None = None
    mode: str | None = None
    status: str | None = None
    display_name: str | None = None
    external_account_id: str | None = None
    credential_type: str | None = None
    default_region: str | None = None
    role_arn: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CloudCapabilities(Model):
    """What each provider supports and whether the control plane is ready for it."""

    providers: tuple[dict[str, Any], ...] = ()
    ready: bool | None = None
    checks: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class CloudRegion(Model):
    """A region of a cloud account where MIOSA places machines. ``status`` and
    ``last_preflight_run_id`` are the server's."""

    id: str | None = None
    cloud_account_id: str | None = None
    provider: str | None = None
    provider_region: str | None = None
    provider_zone: str | None = None
    display_name: str | None = None
    guest_supernet: str | None = None
    artifact_manifest_uri: str | None = None
    network_ref: str | None = None
    subnet_ref: str | None = None
    security_group_refs: tuple[str, ...] = ()
    instance_profile_ref: str | None = None
    status: str | None = None
    last_preflight_run_id: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CloudPool(Model):
    """A capacity pool of a region: its node type, size bounds and spend guardrail. Kind,
    node type and instance type are fixed once created."""

    id: str | None = None
    cloud_region_id: str | None = None
    pool_kind: str | None = None
    node_type: str | None = None
    instance_type: str | None = None
    target_nodes: int | None = None
    max_nodes: int | None = None
    ttl_seconds: int | None = None
    max_hourly_cents: int | None = None
    placement_scope: str | None = None
    status: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class PoolProvisioning(Model):
    """``POST /cloud/pools/{id}/provision``: the hosts being launched into the pool."""

    pool_id: str | None = None
    count: int | None = None
    node_ids: tuple[str, ...] = ()
    status: str | None = None


@attrs.frozen(kw_only=True)
class CloudNode(Model):
    """A host of a pool, and the workloads it is certified for."""

    id: str | None = None
    cloud_pool_id: str | None = None
    instance_id: str | None = None
    status: str | None = None
    certified_workloads: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class NodeCertification(Model):
    """A queued run of the workload certification harness on a node."""

    id: str | None = None
    node_id: str | None = None
    workload: str | None = None
    status: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CloudPreflight(Model):
    """A preflight report of a cloud account or region: its checks and outcome."""

    id: str | None = None
    cloud_account_id: str | None = None
    cloud_region_id: str | None = None
    provider: str | None = None
    status: str | None = None
    checks: tuple[dict[str, Any], ...] = ()
    raw_report: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
