"""Round trips of the computer models through the converter: realistic payloads in, typed
fields out, unknown fields and enum values kept."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from miosa._converter import make_converter, structure
from miosa.errors import ResponseValidationError
from miosa.types.computers import (
    Checkpoint,
    CheckpointRestore,
    CheckpointStatus,
    ComputerData,
    ComputerDomain,
    ComputerDomainStatus,
    ComputerExecResult,
    ComputerFileList,
    ComputerFileStat,
    ComputerNetworkPolicyData,
    ComputerSize,
    ComputerStatus,
    ComputerViewerPassword,
    ComputerVisibility,
    DesktopWindow,
)

COMPUTER: dict[str, Any] = {
    "id": "cmp_01HX",
    "name": "agent-desktop",
    "slug": "agent-desktop-7f",
    "status": "active",
    "template_type": "miosa-desktop",
    "size": "small",
    "tenant_id": "ten_1",
    "ip_address": None,
    "metadata": {"team": "growth"},
    "visibility": "tenant",
    "sandbox_url": "https://agent-desktop-7f.sandbox.cliniciq.com",
    "preview_domain": "cliniciq.com",
    "desktop_url": "https://agent-desktop-7f.computer.miosa.ai/desktop/",
    "created_at": "2026-11-28T10:00:00Z",
    "updated_at": "2026-11-28T10:01:30.250000+00:00",
}

CHECKPOINT: dict[str, Any] = {
    "id": "snap_9",
    "computer_id": "cmp_01HX",
    "tenant_id": "ten_1",
    "comment": "before upgrade",
    "status": "ready",
    "state_size_bytes": 2_147_483_648,
    "memory_size_bytes": 4_294_967_296,
    "rootfs_size_bytes": 10_737_418_240,
    "compressed_size_bytes": 1_073_741_824,
    "s3_bucket": "miosa-snapshots",
    "s3_prefix": "ten_1/cmp_01HX/snap_9/",
    "parent_snapshot_id": None,
    "error": None,
    "created_at": "2026-11-28T11:00:00Z",
    "updated_at": "2026-11-28T11:02:00Z",
}

DOMAIN: dict[str, Any] = {
    "id": "dom_1",
    "computer_id": "cmp_01HX",
    "tenant_id": "ten_1",
    "fqdn": "app.example.com",
    "status": "pending",
    "verification_target": "agent-desktop-7f.sandbox.miosa.ai",
    "instructions": "Add a CNAME record: app.example.com -> agent-desktop-7f.sandbox.miosa.ai",
    "verified_at": None,
    "tls_issued_at": None,
    "created_at": "2026-11-28T12:00:00Z",
    "updated_at": "2026-11-28T12:00:00Z",
}

POLICY: dict[str, Any] = {
    "computer_id": "cmp_01HX",
    "tenant_id": "ten_1",
    "rules": [
        {"effect": "allow", "destination": "*.github.com", "ports": "443", "protocol": "tcp"},
        {"effect": "deny", "destination": "any"},
    ],
    "default_effect": "deny",
    "inserted_at": "2026-11-28T12:00:00Z",
    "updated_at": "2026-11-28T12:05:00Z",
}


@pytest.mark.parametrize(
    ("model", "payload"),
    [
        (ComputerData, COMPUTER),
        (Checkpoint, CHECKPOINT),
        (ComputerDomain, DOMAIN),
        (ComputerNetworkPolicyData, POLICY),
    ],
)
def test_models_cover_every_documented_field(model: type[Any], payload: dict[str, Any]) -> None:
    # The strict converter fails on any field the model lacks.
    make_converter(strict=True).structure(payload, model)


def test_computer_fields_are_typed() -> None:
    computer = structure(COMPUTER, ComputerData)
    assert computer.id == "cmp_01HX"
    assert computer.status is ComputerStatus.ACTIVE
    assert computer.status.is_running
    assert computer.size is ComputerSize.SMALL
    assert computer.visibility is ComputerVisibility.TENANT
    assert computer.metadata == {"team": "growth"}
    assert computer.ip_address is None
    assert computer.created_at == datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)
    assert computer.updated_at is not None and computer.updated_at.microsecond == 250000


def test_unknown_computer_fields_and_states_are_kept() -> None:
    computer = structure(
        {**COMPUTER, "status": "hibernating", "size": "xxl", "gpu": {"model": "L4"}}, ComputerData
    )
    assert computer.status == "hibernating"
    assert computer.status is not None and not computer.status.is_known
    assert not computer.status.is_running
    assert computer.size == "xxl"
    assert computer.raw["gpu"] == {"model": "L4"}


def test_an_empty_computer_is_all_none() -> None:
    computer = structure({}, ComputerData)
    assert computer.id is None and computer.status is None
    with pytest.raises(ResponseValidationError):
        structure({"created_at": "yesterday"}, ComputerData)


def test_checkpoint_round_trip() -> None:
    checkpoint = structure({**CHECKPOINT, "region": "eu-1"}, Checkpoint)
    assert checkpoint.status is CheckpointStatus.READY
    assert checkpoint.memory_size_bytes == 4_294_967_296
    assert checkpoint.parent_snapshot_id is None
    assert checkpoint.raw["region"] == "eu-1"
    assert structure({"status": "thawing"}, Checkpoint).status == "thawing"


def test_restore_result_holds_the_new_computer_and_the_source() -> None:
    restored = structure(
        {"data": {**COMPUTER, "id": "cmp_new", "status": "provisioning"}, "snapshot": CHECKPOINT},
        CheckpointRestore,
    )
    assert restored.data is not None and restored.data.id == "cmp_new"
    assert restored.computer is restored.data
    assert restored.data.status is ComputerStatus.PROVISIONING
    assert restored.snapshot is not None and restored.snapshot.id == "snap_9"


def test_domain_and_policy_round_trip() -> None:
    domain = structure(DOMAIN, ComputerDomain)
    assert domain.status is ComputerDomainStatus.PENDING
    assert domain.verification_target == "agent-desktop-7f.sandbox.miosa.ai"
    policy = structure(POLICY, ComputerNetworkPolicyData)
    assert [r.destination for r in policy.rules] == ["*.github.com", "any"]
    assert policy.rules[0].ports == "443" and policy.rules[1].protocol is None
    assert policy.default_effect == "deny"


def test_files_models() -> None:
    listing = structure(
        {
            "path": "/home/user",
            "entries": [
                {"name": "a.txt", "path": "/home/user/a.txt", "size": 3, "is_dir": False},
                {"name": "src", "path": "/home/user/src", "size": 4096, "is_dir": True},
            ],
        },
        ComputerFileList,
    )
    assert [e.name for e in listing.entries] == ["a.txt", "src"]
    assert listing.entries[1].is_dir is True
    stat = structure(
        {"path": "/etc/hosts", "size": 220, "mode": 0o100644, "is_dir": False, "is_symlink": False},
        ComputerFileStat,
    )
    assert stat.permissions == "0644"
    assert structure({}, ComputerFileStat).permissions is None


def test_windows_accept_string_or_numeric_ids() -> None:
    assert structure({"id": "0x3e00007", "title": "Firefox"}, DesktopWindow).id == "0x3e00007"
    assert structure({"id": 65011719, "is_focused": True}, DesktopWindow).id == 65011719


def test_exec_result_keeps_the_ts_aliases() -> None:
    result = structure({"stdout": "hi\n", "stderr": "", "exit_code": 0}, ComputerExecResult)
    assert result.output == "hi\n" and result.success and result.ok
    failed = structure({"stdout": "", "stderr": "boom", "exit_code": 2}, ComputerExecResult)
    assert not failed.success and failed.exit_code == 2


def test_a_rotated_viewer_password_is_not_in_the_repr() -> None:
    rotated = structure(
        {
            "viewer_password": "s3cret-Pw",
            "password_set": True,
            "rotated_at": "2026-11-28T10:00:00Z",
        },
        ComputerViewerPassword,
    )
    assert rotated.viewer_password == "s3cret-Pw"
    assert "s3cret-Pw" not in repr(rotated)
