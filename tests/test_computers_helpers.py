"""The pure helpers behind the computer resources: arguments, waiting, frames, SSE parsing."""

from __future__ import annotations

import base64
import struct
from urllib.parse import parse_qsl

import pytest

from miosa._converter import structure
from miosa._core.sse import ServerSentEvent
from miosa._groups.computers import (
    checkpoint_progress_is_final,
    decode_exec_frame,
    encode_content,
    encode_resize,
    encode_stdin,
    event_producers,
    exec_stream_query,
    expand_states,
    normalize_size,
    octal_mode,
    parse_checkpoint_progress,
    preview_url,
    public_url,
    rule_payload,
)
from miosa.types.computers import (
    CheckpointStatus,
    ComputerNetworkRule,
    ComputerStatus,
    ExecFrame,
)

# -- arguments -----------------------------------------------------------------------------


def test_xlarge_is_sent_as_xl_and_other_sizes_unchanged() -> None:
    assert normalize_size("xlarge") == "xl"
    assert [normalize_size(s) for s in ("xs", "small", "medium", "large", "xl")] == [
        "xs",
        "small",
        "medium",
        "large",
        "xl",
    ]


@pytest.mark.parametrize(
    ("mode", "wire"),
    [(0o755, "0755"), (0o644, "0644"), (0o7, "0007"), (0o100644, "100644"), ("755", "0755")],
)
def test_file_modes_become_four_digit_octal_strings(mode: int | str, wire: str) -> None:
    assert octal_mode(mode) == wire
    assert octal_mode("0o755") == "0755"
    assert octal_mode("0644") == "0644"


@pytest.mark.parametrize("bad", ["", "0x1ff", "rwx", "0958", -1])
def test_file_modes_that_are_not_octal_are_refused(bad: int | str) -> None:
    with pytest.raises(ValueError):
        octal_mode(bad)
    with pytest.raises(TypeError):
        octal_mode(True)


def test_upload_content_is_base64_of_the_bytes() -> None:
    assert encode_content(b"\x00\xffhi") == base64.b64encode(b"\x00\xffhi").decode()
    assert base64.b64decode(encode_content("héllo")) == "héllo".encode()
    assert base64.b64decode(encode_content("héllo", "latin-1")) == "héllo".encode("latin-1")
    assert encode_content(memoryview(b"ab")) == "YWI="


def test_exec_stream_query_repeats_args_and_env_like_the_ts_sdk() -> None:
    qs = exec_stream_query(
        "python3",
        args=["-c", "print(1 & 2)"],
        env={"A": "1", "B": "x=y"},
        cwd="/home/user",
        tty=True,
        rows=24,
        cols=80,
    )
    assert parse_qsl(qs) == [
        ("command", "python3"),
        ("args", "-c"),
        ("args", "print(1 & 2)"),
        ("env", "A=1"),
        ("env", "B=x=y"),
        ("cwd", "/home/user"),
        ("tty", "true"),
        ("rows", "24"),
        ("cols", "80"),
    ]
    assert exec_stream_query("ls", env=["K=V"]) == "command=ls&env=K%3DV"
    assert exec_stream_query("ls", tty=False) == "command=ls"


def test_event_producers_need_at_least_one() -> None:
    assert event_producers("window") == ["window"]
    assert event_producers(("file", "idle")) == ["file", "idle"]
    for empty in ([], [""], ""):
        with pytest.raises(ValueError, match="at least one producer"):
            event_producers(empty)


def test_preview_urls_use_the_tenant_domain_else_miosa() -> None:
    assert preview_url("demo", "cliniciq.com", 3000) == "https://3000-demo.sandbox.cliniciq.com/"
    assert preview_url("demo", None, 8080, "api/v1") == "https://8080-demo.sandbox.miosa.ai/api/v1"
    assert public_url("demo", "") == "https://demo.sandbox.miosa.ai"


def test_network_rules_go_out_without_unset_fields_and_keep_unknown_ones() -> None:
    assert rule_payload(ComputerNetworkRule(effect="allow", destination="10.0.0.0/8")) == {
        "effect": "allow",
        "destination": "10.0.0.0/8",
    }
    fetched = structure(
        {"effect": "deny", "destination": "any", "ports": "22", "priority": 3},
        ComputerNetworkRule,
    )
    assert rule_payload(fetched) == {
        "effect": "deny",
        "destination": "any",
        "ports": "22",
        "priority": 3,
    }
    assert rule_payload({"effect": "allow", "destination": "*.x.io"}) == {
        "effect": "allow",
        "destination": "*.x.io",
    }


# -- waiting --------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_active_and_running_are_one_state() -> None:
    assert expand_states("running") == {"running", "active"}
    assert expand_states(ComputerStatus.ACTIVE) == {"running", "active"}
    assert expand_states(["stopped", "paused"]) == {"stopped", "paused"}
    with pytest.raises(ValueError):
        expand_states([])


# -- checkpoint progress events ---------------------------------------------------------------


def _sse(data: str, event: str = "") -> ServerSentEvent:
    return ServerSentEvent(event=event, data=data)


def test_checkpoint_progress_events_are_typed() -> None:
    event = parse_checkpoint_progress(
        _sse(
            '{"type": "snapshot_progress", "snapshot_id": "snap_1", "status": "uploading",'
            ' "step": "upload", "progress": 42.5, "eta_s": 3}'
        )
    )
    assert event is not None
    assert event.type == "snapshot_progress"
    assert event.snapshot_id == "snap_1"
    assert event.status is CheckpointStatus.UPLOADING
    assert event.progress == 42.5
    assert event.raw["eta_s"] == 3
    assert not checkpoint_progress_is_final(event)


def test_checkpoint_progress_ends_at_ready_failed_or_deleted_only() -> None:
    def status_event(status: str) -> bool:
        event = parse_checkpoint_progress(_sse(f'{{"status": "{status}"}}'))
        assert event is not None
        return checkpoint_progress_is_final(event)

    assert [status_event(s) for s in ("ready", "failed", "deleted")] == [True, True, True]
    assert [status_event(s) for s in ("creating", "restoring", "thawing")] == [False] * 3


def test_checkpoint_progress_tolerates_odd_payloads() -> None:
    assert parse_checkpoint_progress(_sse("")) is None
    assert parse_checkpoint_progress(_sse("[DONE]")) is None
    named = parse_checkpoint_progress(_sse('{"status": "creating"}', event="snapshot_progress"))
    assert named is not None and named.type == "snapshot_progress"
    scalar = parse_checkpoint_progress(_sse("7"))
    assert scalar is not None and scalar.status is None and scalar.raw == {"data": 7}
    text = parse_checkpoint_progress(_sse("not json"))
    assert text is not None and text.raw == {"line": "not json"}


# -- miosa-exec-v1 frames ------------------------------------------------------------------------


def test_exec_frames_are_encoded_like_the_ts_sdk() -> None:
    assert encode_stdin(b"ls\n") == b"\x00ls\n"
    assert encode_stdin("é") == b"\x00\xc3\xa9"
    assert encode_resize(24, 80) == b"\x05\x00\x18\x00\x50"


def test_exec_frames_are_decoded_and_unknown_ones_ignored() -> None:
    assert decode_exec_frame(b"\x01out") == ExecFrame(kind="stdout", data=b"out")
    assert decode_exec_frame(bytearray(b"\x02err")) == ExecFrame(kind="stderr", data=b"err")
    exit_frame = b"\x03" + struct.pack(">I", 137)
    assert decode_exec_frame(exit_frame) == ExecFrame(kind="exit", exit_code=137)
    assert decode_exec_frame(b"\x03") == ExecFrame(kind="exit", exit_code=None)
    assert decode_exec_frame(b"") is None
    assert decode_exec_frame(b"\x09???") is None
    assert decode_exec_frame(b"\x00stdin-echo") is None
