"""LocalServer lifecycle: sync and async use, clean stops, the CLI, the pytest fixture."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import anyio
import anyio.lowlevel
import httpx
import pytest

import miosa
import miosa.local
from miosa.local import LocalServer

from ._support import SHORT, wait_until

SRC = Path(miosa.local.__file__).resolve().parents[2]


def _threads_back_to(baseline: int, seconds: float = 2.0) -> bool:
    deadline = time.monotonic() + seconds
    while threading.active_count() > baseline:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_stop_is_fast_and_leaves_no_thread_or_process(tmp_path: Path) -> None:
    baseline = threading.active_count()
    srv = LocalServer(heartbeat_interval=0.2).start()
    headers = {"Authorization": f"Bearer {srv.api_key}"}
    with httpx.Client(base_url=srv.base_url, headers=headers, timeout=SHORT) as c:
        sid = c.post("/sandboxes", json={}).json()["data"]["id"]
        pid = c.post(f"/sandboxes/{sid}/processes", json={"command": "sleep 60"}).json()["data"][
            "pid"
        ]
        c.get(f"/sandboxes/{sid}/metrics")  # uses a worker thread
        # An open stream and a long exec are both in flight while stopping.
        stream_done = threading.Event()

        def hold_stream() -> None:
            with (
                contextlib.suppress(httpx.HTTPError),
                c.stream("GET", f"/sandboxes/{sid}/events", timeout=10) as resp,
            ):
                for _ in resp.iter_lines():
                    pass
            stream_done.set()

        def long_exec() -> None:
            with contextlib.suppress(httpx.HTTPError):
                c.post(f"/sandboxes/{sid}/exec", json={"command": "sleep 30"}, timeout=10)

        workers = [threading.Thread(target=hold_stream), threading.Thread(target=long_exec)]
        for worker in workers:
            worker.start()
        time.sleep(0.3)
        root = srv.root
        assert root is not None and root.exists()
        started = time.monotonic()
        srv.stop()
        assert time.monotonic() - started < 2.0
        for worker in workers:
            worker.join(5)
    assert stream_done.is_set()
    assert not root.exists()  # the temporary root is removed
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert _threads_back_to(baseline)
    srv.stop()  # idempotent


def test_context_manager_and_custom_root(tmp_path: Path) -> None:
    with LocalServer(root=tmp_path / "data", api_key="msk_local_fixed", port=0) as srv:
        assert srv.api_key == "msk_local_fixed"
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/api/v1", srv.base_url)
        assert srv.running
        with pytest.raises(RuntimeError):
            srv.start()
    assert not srv.running
    assert (tmp_path / "data" / "sandboxes").is_dir()  # a given root is kept


def test_generated_keys_look_like_msk_keys() -> None:
    assert LocalServer().api_key.startswith("msk_local_")
    assert LocalServer().api_key != LocalServer().api_key


async def test_async_context_manager_on_every_backend() -> None:
    before = set(threading.enumerate())
    async with (
        LocalServer() as srv,
        httpx.AsyncClient(
            base_url=srv.base_url, headers={"Authorization": f"Bearer {srv.api_key}"}
        ) as c,
    ):
        reply = await c.post("/sandboxes", json={})
        assert reply.status_code == 201
        sid = reply.json()["data"]["id"]
        out = await c.post(f"/sandboxes/{sid}/exec", json={"command": "echo async"})
        assert out.json()["data"]["stdout"] == "async\n"

    # Idle worker threads of the test's own event loop (Trio's thread cache, anyio's pool)
    # may linger; nothing of the server's may.
    def leftovers() -> list[threading.Thread]:
        return [
            t
            for t in set(threading.enumerate()) - before
            if not t.name.startswith(("Trio thread", "AnyIO worker thread"))
        ]

    with anyio.move_on_after(2):
        while leftovers():  # noqa: ASYNC110 - polling thread state, nothing to wait on
            await anyio.sleep(0.01)
    assert leftovers() == []


def test_cli_prints_url_and_key_and_stops_on_sigterm(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "miosa.local",
            "--port",
            "0",
            "--api-key",
            "msk_local_cli",
            "--root",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        second = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/api/v1)", first)
        assert match, first
        assert "msk_local_cli" in second
        reply = httpx.get(
            match.group(1) + "/tenant/plan",
            headers={"Authorization": "Bearer msk_local_cli"},
            timeout=5,
        )
        assert reply.status_code == 200
        # The printed URL, and the bare host a user may copy from it, both reach the API.
        printed = match.group(1)
        bare = printed.removesuffix("/api/v1")
        for base in (printed, bare, bare + "/"):
            with miosa.Miosa(api_key="msk_local_cli", base_url=base) as client:
                assert client.base_url == printed, base
                assert list(client.sandboxes.list()) == []
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_pytest_fixture(miosa_local_server: LocalServer) -> None:
    headers = {"Authorization": f"Bearer {miosa_local_server.api_key}"}
    reply = httpx.get(miosa_local_server.base_url + "/tenant/plan", headers=headers, timeout=5)
    assert reply.status_code == 200


def test_import_is_cheap_and_anyio_only() -> None:
    code = (
        "import sys, miosa.local, miosa.local.pytest_plugin; "
        "heavy = [m for m in ('starlette', 'uvicorn') if m in sys.modules]; "
        "print(heavy)"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30
    )
    assert out.stdout.strip() == "[]", out.stderr
    package = Path(miosa.local.__file__).parent
    for source in package.glob("*.py"):
        if source.name == "code_driver.py":
            continue  # never imported: its source runs in the sandbox's own python3
        text = source.read_text()
        assert not re.search(r"^\s*(import asyncio|from asyncio)", text, re.M), source


def test_client_helpers_exist() -> None:
    srv = LocalServer()
    assert callable(srv.client) and callable(srv.async_client)
    if hasattr(miosa, "Miosa"):
        with LocalServer() as running:
            client = running.client()
            assert client is not None
            close = getattr(client, "close", None)
            if callable(close):
                close()


def test_loopback_only_by_default() -> None:
    with LocalServer() as srv:
        assert srv.host == "127.0.0.1"
        wait_until(lambda: srv.running)


# Run `python -m miosa.local` with the `local` extra's modules made unimportable.
_WITHOUT_EXTRA = """
import runpy, sys

class BlockExtra:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("starlette", "uvicorn", "websockets"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, BlockExtra())
sys.argv = ["miosa.local", *sys.argv[1:]]
runpy.run_module("miosa.local", run_name="__main__", alter_sys=True)
"""


def test_cli_without_the_local_extra_says_how_to_install_it(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    out = subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXTRA, "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert out.returncode == 1, out.stderr
    assert "pip install 'miosa[local]'" in out.stderr
    assert "Traceback" not in out.stderr
    assert out.stdout == ""
