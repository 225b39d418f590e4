"""Wire tests for volumes and their attachments to computers."""

from __future__ import annotations

import pytest

from miosa import ConflictError
from miosa._converter import structure
from miosa.types.volumes import Volume, VolumeAttachment
from tests._async._helpers import make_client, run_case
from tests.helpers import MockAPI, json_response
from tests.platform_cases import Case, case_id

TWO = ("x_1", "x_2")

CASES = [
    Case(call="volumes.list", kwargs={"limit": 5, "state": "available",
                                      "extra": {"region": "iad"}},
         method="GET", path="/volumes", query={"region": "iad", "limit": "5",
                                               "state": "available"},
         reply={"volumes": [{"id": "x_1"}, {"id": "x_2"}]}, result=Volume, many=True,
         result_ids=TWO),
    Case(call="volumes.get", args=("vol_1",), method="GET", path="/volumes/vol_1",
         result=Volume),
    Case(call="volumes.create",
         kwargs={"name": "data", "size_gb": 20, "region": "iad", "extra": {"tier": "ssd"},
                 "idempotency_key": "idem-vol"},
         method="POST", path="/volumes",
         body={"name": "data", "size_gb": 20, "region": "iad", "tier": "ssd"},
         headers={"idempotency-key": "idem-vol"}, status=201, result=Volume),
    Case(call="volumes.delete", args=("vol_1",), method="DELETE", path="/volumes/vol_1",
         reply=None, status=204),
    Case(call="volumes.list_attachments", args=("cmp_1",), method="GET",
         path="/computers/cmp_1/volumes",
         reply={"attachments": [{"id": "x_1"}, {"id": "x_2"}]}, result=VolumeAttachment,
         many=True, result_ids=TWO),
    Case(call="volumes.attach", args=("cmp_1",),
         kwargs={"volume_id": "vol_1", "mount_path": "/mnt/data", "read_only": True},
         method="POST", path="/computers/cmp_1/volumes",
         body={"volume_id": "vol_1", "mount_path": "/mnt/data", "read_only": True},
         result=VolumeAttachment),
    Case(call="volumes.attach", args=("cmp_1",), kwargs={"volume_id": "vol_1"},
         method="POST", path="/computers/cmp_1/volumes", body={"volume_id": "vol_1"},
         result=VolumeAttachment),
    Case(call="volumes.detach", args=("cmp_1", "att_1"), method="DELETE",
         path="/computers/cmp_1/volumes/att_1", reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


def test_volume_models_round_trip() -> None:
    volume = structure(
        {"id": "vol_1", "name": "data", "size_gb": 20, "state": "attached",
         "attached_to": "cmp_1", "created_at": "2026-11-28T10:00:00Z", "iops": 3000},
        Volume,
    )  # fmt: skip
    assert (volume.size_gb, volume.attached_to, volume.state) == (20, "cmp_1", "attached")
    assert volume.raw["iops"] == 3000
    attachment = structure(
        {"id": "att_1", "volume_id": "vol_1", "computer_id": "cmp_1", "mount_path": "/mnt",
         "read_only": False},
        VolumeAttachment,
    )  # fmt: skip
    assert attachment.mount_path == "/mnt" and attachment.read_only is False


async def test_attach_surfaces_a_server_error() -> None:
    api = MockAPI().on(
        "POST /computers/cmp_1/volumes",
        json_response(409, {"error": {"code": "CONFLICT", "message": "volume in use"}}),
    )
    async with make_client(api) as client:
        with pytest.raises(ConflictError, match="volume in use"):
            await client.volumes.attach("cmp_1", volume_id="vol_1")
    assert api.body() == {"volume_id": "vol_1"}
