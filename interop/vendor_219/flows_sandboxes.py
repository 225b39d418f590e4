"""Sandbox flows of the published ``miosa`` 2.19.2 client, run against a MIOSA server.

Run it with an interpreter that has ``miosa==2.19.2`` installed (not this project's
environment: both import as ``miosa``), pointed at a server by the two variables a local
server prints::

    python -m miosa.local --port 0          # from this repository's environment
    export MIOSA_BASE_URL=... MIOSA_API_KEY=...
    /path/to/venv-with-2.19.2/bin/python interop/vendor_219/flows_sandboxes.py

Each flow drives the client's own public API the way an application would and prints
``ok <flow>`` or ``FAIL <flow>: <reason>``; every flow runs whatever failed before it. The
exit status is 1 when any flow failed. Sandboxes the script creates are destroyed at the end.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any, cast

from miosa import Miosa
from miosa.errors import MiosaError, NotFoundError
from miosa.resources.sandbox_namespaces import BackgroundProcessInfo
from miosa.resources.sandboxes import Sandbox

Flow = Callable[["Context"], None]
FLOWS: list[tuple[str, Flow]] = []
READ_TIMEOUT = 20.0


class FlowFailed(Exception):
    """A flow saw something other than what the client promises."""


def check(condition: object, message: str) -> None:
    """Fail the flow with ``message`` unless ``condition`` holds (kept under ``python -O``)."""
    if not condition:
        raise FlowFailed(message)


def flow(name: str) -> Callable[[Flow], Flow]:
    """Register a flow under ``name``, in order of definition."""

    def register(fn: Flow) -> Flow:
        FLOWS.append((name, fn))
        return fn

    return register


class Context:
    """The client, and the sandboxes the flows share (created on first use, destroyed last)."""

    def __init__(self, base_url: str, api_key: str) -> None:
        self.base_url = base_url
        self.api_key = api_key
        self.client = self.new_client()
        self._main: Sandbox | None = None
        self.created: list[Sandbox] = []

    def new_client(self) -> Miosa:
        return Miosa(api_key=self.api_key, base_url=self.base_url, timeout=READ_TIMEOUT)

    def create(self, **options: Any) -> Sandbox:
        sandbox = self.client.sandboxes.create(**options)
        self.created.append(sandbox)
        return sandbox

    @property
    def sandbox(self) -> Sandbox:
        """A running sandbox for the flows that only need one."""
        if self._main is None or self._main.state == "destroyed":
            sandbox = self.create(name=f"interop-main-{os.getpid()}")
            check(sandbox.wait_until_ready(timeout=30), "the shared sandbox never became ready")
            self._main = sandbox
        return self._main

    def cleanup(self) -> None:
        for sandbox in self.created:
            try:
                sandbox.destroy()
            except MiosaError as exc:
                print(f"note: could not destroy {sandbox.id}: {exc}", file=sys.stderr)


def _events_until(
    events: Iterator[dict[str, Any]], wanted: Callable[[dict[str, Any]], bool], limit: int
) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for event in events:
        seen.append(event)
        if wanted(event) or len(seen) >= limit:
            break
    return seen


# -- sandbox lifecycle ---------------------------------------------------------------------


@flow("sandbox.create")
def create_sandbox(ctx: Context) -> None:
    sandbox = ctx.create(name=f"interop-create-{os.getpid()}", metadata={"flow": "create"})
    check(sandbox.id, "created sandbox has no id")
    check(sandbox.template_id == "miosa-sandbox", f"template_id is {sandbox.template_id!r}")
    check(sandbox.state in ("creating", "provisioning", "running"), f"state {sandbox.state!r}")
    check(sandbox.metadata.get("flow") == "create", f"metadata {sandbox.metadata!r}")


@flow("sandbox.create (raw resources)")
def create_with_resources(ctx: Context) -> None:
    tier = ctx.create(cpu_count=2, memory_mb=4096)
    check((tier.cpu_count, tier.memory_mb) == (2, 4096), f"tier pair gave {tier.data!r}")
    custom = ctx.create(cpu_count=3, memory_mb=6000, disk_size_mb=20000)
    got = (custom.cpu_count, custom.memory_mb, custom.disk_size_mb)
    check(got == (3, 6000, 20000), f"custom shape placed as {got}")
    try:
        ctx.create(cpu_count=3, memory_mb=6000)
    except ValueError:
        pass
    else:
        raise FlowFailed("an off-tier pair without a disk was not refused")


@flow("sandbox.wait_until_ready (stream)")
def wait_ready_stream(ctx: Context) -> None:
    sandbox = ctx.create()
    check(sandbox.wait_until_ready(timeout=30), "wait_until_ready returned False")
    check(sandbox.state == "running", f"state after ready is {sandbox.state!r}")
    check(sandbox.ready, "sandbox.ready is False after wait_until_ready")


@flow("sandbox.wait_until_ready (polling)")
def wait_ready_poll(ctx: Context) -> None:
    sandbox = ctx.create()
    ready = sandbox.wait_until_ready(timeout=30, stream=False)
    check(ready, f"polling readiness never saw command-ready: {sandbox.readiness()!r}")


@flow("sandbox.get / get_by_name / connect")
def get_sandbox(ctx: Context) -> None:
    sandbox = ctx.sandbox
    fetched = ctx.client.sandboxes.get(sandbox.id)
    check(fetched.id == sandbox.id and fetched.state == "running", f"get: {fetched!r}")
    by_name = ctx.client.sandboxes.get_by_name(sandbox.name or "")
    check(by_name.id == sandbox.id, f"get_by_name found {by_name.id}")
    check(ctx.client.sandboxes.connect(sandbox.id).id == sandbox.id, "connect")
    try:
        ctx.client.sandboxes.get("sbx_does_not_exist")
    except NotFoundError:
        pass
    else:
        raise FlowFailed("get of an unknown id did not raise NotFoundError")


@flow("sandbox.list")
def list_sandboxes(ctx: Context) -> None:
    sandbox = ctx.sandbox
    ids = [s.id for s in ctx.client.sandboxes.list()]
    check(sandbox.id in ids, f"{sandbox.id} not in list {ids}")
    running = ctx.client.sandboxes.list(state="running")
    check(all(s.state == "running" for s in running), "state=running listed other states")
    tagged = ctx.create(tags=["interop-tag"])
    found = [s.id for s in ctx.client.sandboxes.list(tags=["interop-tag"])]
    check(found == [tagged.id], f"tags filter gave {found}")


@flow("sandbox.update / extend / readiness / usage / metrics")
def update_sandbox(ctx: Context) -> None:
    sandbox = ctx.sandbox
    sandbox.update(metadata={"team": "interop"}, idle_timeout_sec=900)
    check(sandbox.metadata.get("team") == "interop", f"metadata {sandbox.metadata!r}")
    sandbox.extend(timeout_sec=1800)
    check(sandbox.id, "extend lost the id")
    readiness = sandbox.readiness()
    check(readiness.get("ready") is True, f"readiness {readiness!r}")
    check(isinstance(sandbox.usage(), dict), "usage is not an object")
    check(isinstance(sandbox.metrics(), dict), "metrics is not an object")


@flow("sandbox.resources / resize")
def resources(ctx: Context) -> None:
    sandbox = ctx.create(size="medium")
    check(sandbox.wait_until_ready(timeout=30), "not ready")
    current = sandbox.resources().get("resources") or {}
    check((current.get("cpu"), current.get("memory_mb")) == (4, 8192), f"resources {current}")
    resized = sandbox.resize(cpu_count=2)
    check(resized.get("applied_live") is True, f"resize {resized!r}")
    check((resized.get("resources") or {}).get("cpu") == 2, f"resize {resized!r}")
    memory = ctx.client.sandboxes.resize(sandbox.id, memory_mb=16384)
    check(memory.get("requires_restart") is True, f"memory resize {memory!r}")
    try:
        sandbox.resize()
    except ValueError:
        pass
    else:
        raise FlowFailed("resize without a change did not raise ValueError")


@flow("sandbox.tags.set")
def set_tags(ctx: Context) -> None:
    reply = ctx.sandbox.tags.set(["alpha", "beta"])
    check(sorted(reply.get("tags") or []) == ["alpha", "beta"], f"tags reply {reply!r}")
    check(sorted(ctx.sandbox.refresh().data.get("tags") or []) == ["alpha", "beta"], "refresh")


@flow("sandbox.expose / preview_token / previews")
def previews(ctx: Context) -> None:
    sandbox = ctx.sandbox
    url = sandbox.expose(3000)
    check(url.startswith(("http://", "https://")), f"expose gave {url!r}")
    token = sandbox.preview_token()
    check(token.get("token") and token.get("scope") == "read", f"preview_token {token!r}")
    preview = sandbox.previews.create(port=3001)
    preview_id = str(preview.get("id") or preview.get("preview_id"))
    check(preview_id != "None", f"preview without an id: {preview!r}")
    check(any(p.get("port") == 3001 for p in sandbox.previews.list()), "preview not listed")
    check(sandbox.previews.get(preview_id).get("port") == 3001, "previews.get")
    shared = sandbox.previews.share(preview_id, ttl_seconds=120)
    check(shared.get("token") or shared.get("url"), f"preview share {shared!r}")
    sandbox.previews.revoke_share(preview_id)
    sandbox.previews.delete(preview_id)


@flow("sandbox.share")
def shares(ctx: Context) -> None:
    sandbox = ctx.sandbox
    share = sandbox.share.create(expires_in=600)
    share_id = str(share.get("share_id") or share.get("id"))
    check(share_id != "None" and share.get("scope") == "read", f"share {share!r}")
    listed = [str(s.get("share_id") or s.get("id")) for s in sandbox.share.list()]
    check(share_id in listed, f"share {share_id} not in {listed}")
    sandbox.share.revoke(share_id)


@flow("sandbox.terminal")
def terminal(ctx: Context) -> None:
    session = ctx.sandbox.terminal.create(cols=100, rows=30)
    session_id = str(session.get("session_id") or session.get("id"))
    check(session_id != "None", f"terminal session {session!r}")
    ctx.sandbox.terminal.delete(session_id)


@flow("sandbox.snapshots / fork")
def snapshots(ctx: Context) -> None:
    sandbox = ctx.sandbox
    sandbox.files.write("/workspace/snap.txt", "before")
    snapshot = sandbox.snapshots.create("interop")
    snapshot_id = str(snapshot.get("id") or snapshot.get("snapshot_id"))
    check(snapshot_id != "None", f"snapshot {snapshot!r}")
    listed = [str(s.get("id") or s.get("snapshot_id")) for s in sandbox.snapshots.list()]
    check(snapshot_id in listed, f"{snapshot_id} not in {listed}")
    fork = sandbox.fork(snapshot_id=snapshot_id, name=f"interop-fork-{os.getpid()}")
    ctx.created.append(fork)
    check(fork.id != sandbox.id, "fork returned the same sandbox")
    fork.wait_until_ready(timeout=30)
    check(fork.files.read_text("/workspace/snap.txt") == "before", "fork lost the file")
    restored = sandbox.snapshots.restore(snapshot_id)
    check(restored.id, "restore returned no sandbox")
    sandbox.snapshots.delete(snapshot_id)
    check(sandbox.snapshot(), "legacy snapshot returned no id")


@flow("sandbox.logs")
def logs(ctx: Context) -> None:
    reply = ctx.sandbox.logs.get(lines=20)
    check(isinstance(reply, dict) and isinstance(reply.get("lines"), list), f"logs {reply!r}")


@flow("sandbox.pause / resume / stop")
def pause_resume_stop(ctx: Context) -> None:
    sandbox = ctx.create()
    check(sandbox.wait_until_ready(timeout=30), "not ready")
    sandbox.files.write("/workspace/keep.txt", "kept")
    sandbox.pause()
    check(sandbox.state == "paused", f"pause left state {sandbox.state!r}")
    sandbox.resume()
    check(sandbox.wait_until_ready(timeout=30), "not ready after resume")
    sandbox.stop()
    check(sandbox.state in ("stopped", "paused"), f"stop left state {sandbox.state!r}")
    sandbox.resume()
    check(sandbox.wait_until_ready(timeout=30), "not ready after resuming a stop")
    check(sandbox.files.read_text("/workspace/keep.txt") == "kept", "stop lost the disk")


@flow("sandbox.destroy")
def destroy(ctx: Context) -> None:
    sandbox = ctx.create()
    sandbox.destroy()
    check(sandbox.state == "destroyed", f"state after destroy is {sandbox.state!r}")
    live = [s.id for s in ctx.client.sandboxes.list()]
    check(sandbox.id not in live, "a destroyed sandbox is still listed")
    gone = {s.id: s.state for s in ctx.client.sandboxes.list(state="destroyed")}
    check(gone.get(sandbox.id) == "destroyed", f"state=destroyed listed {gone}")
    try:
        sandbox.exec.run("true")
    except MiosaError:
        pass
    else:
        raise FlowFailed("exec on a destroyed sandbox did not raise")


@flow("sandbox templates")
def templates(ctx: Context) -> None:
    listed = ctx.client.sandboxes.list_templates()
    items = listed.get("data") or listed.get("templates") or []
    check(any(t.get("id") == "miosa-sandbox" for t in items), f"templates {listed!r}")
    one = ctx.client.sandboxes.get_template("miosa-sandbox")
    check((one.get("data") or one).get("id") == "miosa-sandbox", f"template {one!r}")


# -- exec ---------------------------------------------------------------------------------


@flow("exec.run")
def exec_run(ctx: Context) -> None:
    result = ctx.sandbox.exec.run("echo hi; echo err >&2; exit 3")
    check(result.stdout == "hi\n", f"stdout {result.stdout!r}")
    check(result.stderr == "err\n", f"stderr {result.stderr!r}")
    check(result.exit_code == 3, f"exit_code {result.exit_code}")
    env = ctx.sandbox.run("echo $X in $PWD", {"env": {"X": "y"}, "cwd": "/workspace"})
    check(env.stdout == "y in /workspace\n", f"env/cwd run gave {env.stdout!r}")


@flow("exec.stream")
def exec_stream(ctx: Context) -> None:
    events = list(ctx.sandbox.exec.stream("echo one; echo two"))
    types = [e.type for e in events]
    check("exit" in types, f"no exit event in {types}")
    lines = [str(e.data.get("line", "")).strip() for e in events if e.type == "stdout"]
    check(lines == ["one", "two"], f"stdout lines {lines}")


@flow("run_code / code_contexts / reset_code")
def code_interpreter(ctx: Context) -> None:
    sandbox = ctx.sandbox
    sandbox.run_code("total = 40", context="flows")
    result = sandbox.run_code("total + 2", context="flows")
    check(result.ok and result.result == 42, f"run_code gave {result!r}")
    failed = sandbox.run_code("1 / 0", context="flows")
    check(not failed.ok and "ZeroDivisionError" in failed.stderr, f"a raise gave {failed!r}")
    check("flows" in sandbox.code_contexts(), "the context is not listed")
    sandbox.reset_code(context="flows")
    check("flows" not in sandbox.code_contexts(language="python"), "reset kept the context")
    gone = sandbox.run_code("total", context="flows")
    check(not gone.ok and "NameError" in gone.stderr, f"variables survived a reset: {gone!r}")
    sandbox.reset_code()


# -- files --------------------------------------------------------------------------------


@flow("files.write / read")
def files_write_read(ctx: Context) -> None:
    files = ctx.sandbox.files
    files.write("/workspace/hello.txt", "héllo\n")
    check(files.read_text("/workspace/hello.txt") == "héllo\n", "text round trip")
    files.write("/workspace/bin/data.bin", b"\x00\xff\x10")
    check(files.read("/workspace/bin/data.bin") == b"\x00\xff\x10", "bytes round trip")
    check(ctx.sandbox.read_file("/workspace/hello.txt") == "héllo\n", "read_file")
    try:
        files.read("/workspace/missing.txt")
    except NotFoundError:
        pass
    else:
        raise FlowFailed("reading a missing file did not raise NotFoundError")


@flow("files.write_many / write_files")
def files_write_many(ctx: Context) -> None:
    files = ctx.sandbox.files
    result = files.write_many(
        [
            {"path": "/workspace/m/a.txt", "content": "a"},
            {"path": "/workspace/m/b.txt", "content": b"b"},
        ]
    )
    written = sorted(str(w.get("path")) for w in result.get("written", []))
    check(written == ["/workspace/m/a.txt", "/workspace/m/b.txt"], f"write_many {result!r}")
    files.write_files([{"path": "/workspace/m/c.txt", "data": "c"}])
    check(files.read_text("/workspace/m/c.txt") == "c", "write_files did not write")


@flow("files.list / stat")
def files_list_stat(ctx: Context) -> None:
    files = ctx.sandbox.files
    files.write("/workspace/l/one.txt", "1")
    listing = files.list("/workspace/l")
    names = [e.get("name") for e in listing.get("entries", [])]
    check(names == ["one.txt"], f"list {listing!r}")
    stat = files.stat("/workspace/l/one.txt")
    check(stat.get("size") == 1 and stat.get("is_dir") is False, f"stat {stat!r}")


@flow("files.tree")
def files_tree(ctx: Context) -> None:
    files = ctx.sandbox.files
    files.write("/workspace/t/sub/leaf.txt", "x")
    tree = files.tree("/workspace/t", depth=3)
    check(tree.get("path") == "/workspace/t" and tree.get("type") == "dir", f"tree {tree!r}")
    sub = {c.get("name"): c for c in tree.get("children", [])}.get("sub") or {}
    leaves = [c.get("name") for c in sub.get("children", [])]
    check(leaves == ["leaf.txt"], f"tree children {tree!r}")


@flow("files.watch")
def files_watch(ctx: Context) -> None:
    sandbox = ctx.sandbox
    sandbox.files.write("/workspace/w/.keep", "")
    writer_client = ctx.new_client()
    writer = writer_client.sandboxes.get(sandbox.id)

    def change() -> None:
        time.sleep(1.0)
        writer.files.write("/workspace/w/new.txt", "n")

    thread = threading.Thread(target=change, daemon=True)
    thread.start()
    seen = []
    for event in sandbox.files.watch("/workspace/w"):
        seen.append((event.event, event.path))
        if event.path == "/workspace/w/new.txt":
            break
    thread.join()
    check(("created", "/workspace/w/new.txt") in seen, f"watch saw {seen}")


@flow("files.delete (through exec)")
def files_delete(ctx: Context) -> None:
    # 2.19.2 has no file delete call; an application removes files with a command.
    sandbox = ctx.sandbox
    sandbox.files.write("/workspace/d/x.txt", "x")
    result = sandbox.exec.run("rm -r -- /workspace/d")
    check(result.exit_code == 0, f"rm failed: {result.stderr!r}")
    names = [e.get("name") for e in sandbox.files.list("/workspace").get("entries", [])]
    check("d" not in names, f"d still listed: {names}")


@flow("exports")
def exports(ctx: Context) -> None:
    sandbox = ctx.sandbox
    sandbox.files.write("/workspace/out/r.txt", "report")
    export = sandbox.create_export("/workspace/out/r.txt", label="report")
    check(export.get("files") or export.get("download_url"), f"export {export!r}")
    check(sandbox.download_export("/workspace/out/r.txt") == b"report", "download_export")


# -- processes ----------------------------------------------------------------------------


@flow("processes.start / list / get / logs / stop")
def processes(ctx: Context) -> None:
    procs = ctx.sandbox.processes
    started = procs.start("for i in 1 2 3; do echo line$i; done; sleep 60", name="ticker")
    check(isinstance(started.get("pid"), (int, str)), f"start {started!r}")
    pid: int | str = started["pid"]
    check(any(p.get("pid") == pid for p in procs.list()), "process not listed")
    check(procs.get(pid).get("status") == "running", f"get {procs.get(pid)!r}")
    deadline = time.monotonic() + 10
    text = ""
    while time.monotonic() < deadline:
        text = procs.logs(pid)
        if "line3" in text:
            break
        time.sleep(0.1)
    check(text == "line1\nline2\nline3\n", f"logs {text!r}")
    check(procs.logs(pid, tail=1) == "line3\n", "logs tail=1")
    procs.stop(pid)
    check(procs.get(pid).get("status") != "running", "stop left it running")


@flow("processes.stream")
def processes_stream(ctx: Context) -> None:
    procs = ctx.sandbox.processes
    pid = procs.start("echo a; echo b")["pid"]
    events = list(procs.stream(pid))
    lines = [e.get("line") for e in events if e.get("line") is not None]
    check(lines[:2] == ["a", "b"], f"stream events {events!r}")


@flow("commands.run (background) / kill / send_stdin")
def commands_background(ctx: Context) -> None:
    proc = ctx.sandbox.commands.run("sleep 60", background=True)
    check(isinstance(proc, BackgroundProcessInfo) and proc.pid, f"background run gave {proc!r}")
    assert isinstance(proc, BackgroundProcessInfo)  # for the type checker; checked above
    status = proc.status()
    check(status.get("status") == "running", f"status {status!r}")
    try:
        ctx.sandbox.commands.send_stdin(proc.pid, "x")
    except MiosaError:
        pass
    else:
        raise FlowFailed("send_stdin did not raise")
    proc.kill()
    check(proc.status().get("status") != "running", "kill left it running")


# -- env ----------------------------------------------------------------------------------


def _env_items(reply: object, what: str) -> list[dict[str, Any]]:
    # 2.19.2 annotates these replies as objects; the variables come back as a list.
    check(isinstance(reply, list), f"{what} returned {reply!r}")
    return cast(list[dict[str, Any]], reply)


@flow("env.set / list / delete")
def env(ctx: Context) -> None:
    sandbox = ctx.sandbox
    written = _env_items(
        sandbox.env.set([{"key": "A", "value": "1"}, {"key": "B", "value": "2"}]), "set"
    )
    check([v["key"] for v in written] == ["A", "B"], f"set returned {written!r}")
    values = {v["key"]: v.get("value") for v in _env_items(sandbox.env.list(), "list")}
    check(values == {"A": "1", "B": "2"}, f"env {values}")
    check(sandbox.run("echo $A$B").stdout == "12\n", "exec does not see the env")
    sandbox.env.delete("A")
    keys = [v["key"] for v in _env_items(sandbox.env.list(), "list")]
    check(keys == ["B"], f"after delete {keys}")
    try:
        sandbox.env.delete("A")
    except NotFoundError:
        pass
    else:
        raise FlowFailed("deleting a missing variable did not raise NotFoundError")


# -- events -------------------------------------------------------------------------------


@flow("events.stream")
def events(ctx: Context) -> None:
    sandbox = ctx.create()
    check(sandbox.wait_until_ready(timeout=30), "not ready")
    sandbox.run("echo event")
    seen = _events_until(
        sandbox.events.stream(), lambda e: e.get("type") == "sandbox.exec", limit=50
    )
    types = [e.get("type") for e in seen]
    check(types and types[0] == "sandbox.created", f"first events {types}")
    check("sandbox.exec" in types, f"no sandbox.exec event in {types}")
    check(all(e.get("id") for e in seen), "an event without an id")


def main() -> int:
    base_url = os.environ.get("MIOSA_BASE_URL")
    api_key = os.environ.get("MIOSA_API_KEY")
    if not base_url or not api_key:
        print("set MIOSA_BASE_URL and MIOSA_API_KEY (a local server prints both)", file=sys.stderr)
        return 2
    ctx = Context(base_url, api_key)
    failed = 0
    try:
        for name, run in FLOWS:
            try:
                run(ctx)
            except Exception as exc:  # every failure is reported; none stops the run
                failed += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
                if os.environ.get("FLOWS_TRACEBACK"):
                    traceback.print_exc()
            else:
                print(f"ok {name}", flush=True)
    finally:
        ctx.cleanup()
    print(f"{len(FLOWS) - failed}/{len(FLOWS)} flows passed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
