"""Background processes: start, inspect, logs, stream with replay, stop; no stdin or signal
route (the API has none)."""

from __future__ import annotations

import os
import time

import httpx

from ._support import collect, wait_until


def start(client: httpx.Client, sandbox: str, command: str, **extra: object) -> dict[str, object]:
    reply = client.post(f"/sandboxes/{sandbox}/processes", json={"command": command, **extra})
    assert reply.status_code == 201, reply.text
    data: dict[str, object] = reply.json()["data"]
    return data


def test_start_list_get_logs_and_exit(client: httpx.Client, sandbox: str) -> None:
    proc = start(client, sandbox, "echo one; echo two >&2; sleep 0.3; exit 4", name="job")
    pid = proc["pid"]
    assert isinstance(pid, int) and proc["status"] == "running" and proc["name"] == "job"
    assert [p["pid"] for p in client.get(f"/sandboxes/{sandbox}/processes").json()["data"]] == [pid]

    def exited() -> dict[str, object] | None:
        data: dict[str, object] = client.get(f"/sandboxes/{sandbox}/processes/{pid}").json()["data"]
        return data if data["status"] == "exited" else None

    final = wait_until(exited, seconds=5)
    assert final["exit_code"] == 4
    logs = client.get(f"/sandboxes/{sandbox}/processes/{pid}/logs").json()
    assert logs["data"] in ("one\ntwo\n", "two\none\n")
    assert client.get(f"/sandboxes/{sandbox}/processes/{pid}/logs", params={"tail": 1}).json()[
        "data"
    ] in ("one\n", "two\n")
    assert client.get(f"/sandboxes/{sandbox}/processes/999999").status_code == 404


def test_stream_replays_output_so_far_then_follows_to_exit(
    client: httpx.Client, sandbox: str
) -> None:
    proc = start(client, sandbox, "echo early; sleep 0.5; echo late")
    time.sleep(0.2)
    events = collect(client, "GET", f"/sandboxes/{sandbox}/processes/{proc['pid']}/stream", count=5)
    assert [(e.event, e.data.get("line")) for e in events] == [
        ("stdout", "early"),
        ("stdout", "late"),
        ("exit", None),
    ]
    assert events[-1].data["exit_code"] == 0
    # Resuming after the first event replays exactly the rest.
    resumed = collect(
        client,
        "GET",
        f"/sandboxes/{sandbox}/processes/{proc['pid']}/stream",
        count=5,
        headers={"Last-Event-ID": events[0].id or ""},
    )
    assert [e.id for e in resumed] == [e.id for e in events[1:]]


def test_there_is_no_stdin_or_signal_route_and_stop_ends_a_process(
    client: httpx.Client, sandbox: str
) -> None:
    proc = start(client, sandbox, "read line; echo got:$line")
    pid = proc["pid"]
    for route, body in (("stdin", {"data": "hello\n"}), ("signal", {"signal": "SIGUSR1"})):
        reply = client.post(f"/sandboxes/{sandbox}/processes/{pid}/{route}", json=body)
        assert reply.status_code == 404, route
        assert reply.json()["error"]["details"]["reason"] == "no_route"
    assert client.get(f"/sandboxes/{sandbox}/processes/{pid}").json()["data"]["status"] == (
        "running"
    )

    sleeper = start(client, sandbox, "sleep 60")
    started = time.monotonic()
    assert client.delete(f"/sandboxes/{sandbox}/processes/{sleeper['pid']}").status_code == 204
    assert time.monotonic() - started < 5
    final = client.get(f"/sandboxes/{sandbox}/processes/{sleeper['pid']}").json()["data"]
    assert final["status"] == "exited" and final["exit_code"] == 128 + 15


def test_process_timeout_and_destroy_kill_processes(client: httpx.Client, sandbox: str) -> None:
    timed = start(client, sandbox, "sleep 30", timeout=0.3)
    wait_until(
        lambda: (
            client.get(f"/sandboxes/{sandbox}/processes/{timed['pid']}").json()["data"]["exit_code"]
            == 124
        ),
        seconds=5,
    )
    survivor = start(client, sandbox, "sleep 60")
    pid = survivor["pid"]
    assert isinstance(pid, int)
    os.kill(pid, 0)  # alive on the host
    assert client.delete(f"/sandboxes/{sandbox}").status_code == 204
    wait_until(lambda: not _alive(pid), seconds=5)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def test_pause_stops_and_resume_continues_processes(client: httpx.Client, sandbox: str) -> None:
    proc = start(client, sandbox, "while true; do date +%s%N >> ticks; sleep 0.05; done")
    time.sleep(0.3)
    client.post(f"/sandboxes/{sandbox}/pause", json={})
    time.sleep(0.2)
    count = client.get(f"/sandboxes/{sandbox}/files/workspace/ticks").content.count(b"\n")
    time.sleep(0.4)
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/ticks").content.count(b"\n") == count
    client.post(f"/sandboxes/{sandbox}/resume", json={})
    wait_until(
        lambda: (
            client.get(f"/sandboxes/{sandbox}/files/workspace/ticks").content.count(b"\n") > count
        ),
        seconds=5,
    )
    assert (
        client.get(f"/sandboxes/{sandbox}/processes/{proc['pid']}").json()["data"]["status"]
        == "running"
    )
