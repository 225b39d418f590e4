# This file was generated from
#   tests/_async/test_sandbox_seed.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The TypeScript seed's sandbox snippets (README and DESIGN.md's table), translated to
Python and run end to end against the local MIOSA server.

Each block quotes the TypeScript it translates. Commands that would run forever in the
README (``tail -f``, ``npm run dev``) are replaced with finite ones.
"""

from __future__ import annotations

from typing import Any

from miosa import Miosa
from miosa.local import LocalServer
from miosa.types.sandbox_events import SandboxExecuted
from miosa.types.sandbox_exec import ExecExit, ExecStderr, ExecStdout
from miosa.types.sandbox_files import FileEventType


def client_for(server: LocalServer) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url)


def test_readme_sandbox_sub_resources() -> None:
    with LocalServer(heartbeat_interval=0.2) as server, client_for(server) as miosa:
        # const sbx = await miosa.sandboxes.create();
        sbx = miosa.sandboxes.create()

        # await sbx.files.write("/workspace/app.py", "print('hi')");
        # const text    = await sbx.files.readText("/workspace/app.py");
        # const entries = await sbx.files.list("/workspace");
        # const stat    = await sbx.files.stat("/workspace/app.py");
        sbx.files.write("/workspace/app.py", "print('hi')")
        text = sbx.files.read_text("/workspace/app.py")
        entries = sbx.files.list("/workspace")
        stat = sbx.files.stat("/workspace/app.py")
        assert text == "print('hi')"
        assert [e.name for e in entries] == ["app.py"]
        assert stat.size == len("print('hi')") and stat.is_dir is False

        # const result = await sbx.exec.run("python /workspace/app.py");
        result = sbx.exec.run("python3 /workspace/app.py")
        assert (result.stdout, result.exit_code) == ("hi\n", 0)

        # for await (const event of sbx.exec.stream("tail -f /var/log/app.log")) {
        #   if ("line" in event) console.log(event.line);
        # }
        lines = []
        with sbx.exec.stream("echo one; echo two >&2; exit 4") as output:
            for chunk in output:
                if isinstance(chunk, (ExecStdout, ExecStderr)):
                    lines.append(chunk.line)
                elif isinstance(chunk, ExecExit):
                    assert chunk.exit_code == 4
        assert lines == ["one", "two"]

        # const snap = await sbx.snapshots.create("pre-migration");
        # const restored = await sbx.snapshots.restore(snap.id);
        # await sbx.snapshots.delete(snap.id);
        snap = sbx.snapshots.create("pre-migration")
        assert snap.id is not None and snap.comment == "pre-migration"
        restored = sbx.snapshots.restore(snap.id)
        sbx.snapshots.delete(snap.id)
        assert restored.id is not None

        # const preview = await sbx.previews.create(8000);
        # console.log(preview.url);
        preview = sbx.previews.create(8000)
        assert preview.url is not None and "8000" in preview.url

        # for await (const event of sbx.events.stream()) {
        #   console.log(event.type, event.data);
        # }
        seen: list[str] = []
        with sbx.events.stream() as events:
            for event in events:
                seen.append(event.type)
                assert event.data is not None
                if isinstance(event, SandboxExecuted):
                    break
        assert seen[:2] == ["sandbox.created", "sandbox.ready"]

        # await sbx.pause();
        # await sbx.resume();
        sbx.pause()
        assert sbx.state == "paused"
        sbx.resume()
        assert sbx.state == "running"
        sbx.destroy()


def test_readme_quickstart_agent_workspace_and_publish() -> None:
    with LocalServer() as server, client_for(server) as miosa:
        sbx = miosa.sandboxes.create(name="my-build", external_workspace_id="customer-123")
        # await sbx.files.write("/workspace/hello.ts", `console.log("hello from miosa")`);
        # const result = await sbx.exec("npx tsx /workspace/hello.ts");
        sbx.files.write("/workspace/hello.sh", 'echo "hello from miosa"')
        result = sbx.exec.run("sh /workspace/hello.sh")
        assert result.stdout == "hello from miosa\n"

        # const url = await sbx.expose(3000);
        exposed = sbx.expose(3000)
        assert exposed.url is not None and exposed.url.startswith("https://3000-")

        # await sbx.files.writeMany([
        #   { path: "/workspace/package.json",
        #     content: `{"scripts":{"dev":"vite --host 0.0.0.0"}}` },
        #   { path: "/workspace/index.html", content: `<main id="app"></main>` },
        # ]);
        written = sbx.files.write_many(
            [
                {
                    "path": "/workspace/package.json",
                    "content": '{"scripts":{"dev":"vite --host 0.0.0.0"}}',
                },
                {"path": "/workspace/index.html", "content": '<main id="app"></main>'},
            ]
        )
        assert written.ok and len(written.written) == 2
        assert sbx.files.read_text("/workspace/index.html") == '<main id="app"></main>'

        # for await (const event of sbx.exec.stream("cd /workspace && npm install && ...")) {
        #   console.log(event);
        # }
        chunks: list[Any] = []
        with sbx.exec.stream("cd /workspace && ls") as output:
            for chunk in output:
                chunks.append(chunk)
        assert {c.line for c in chunks if isinstance(c, ExecStdout)} == {
            "hello.sh",
            "index.html",
            "package.json",
        }

        # await sbx.snapshots.create("after-hello-world");
        sbx.snapshots.create("after-hello-world")

        # const deployment = await sbx.deploy({
        #   name: "clinic-intake", outputPath: "/workspace/dist", entrypoint: "index.html" });
        # console.log(deployment.url ?? deployment.deployment?.public_url);
        deployment = sbx.deploy(
            name="clinic-intake", output_path="/workspace", entrypoint="index.html"
        )
        assert deployment.url or (deployment.deployment or {}).get("public_url")

        # await sbx.pause();
        sbx.pause()
        sbx.destroy()


def test_design_table_sandbox_calls() -> None:
    with LocalServer(heartbeat_interval=0.2) as server, client_for(server) as client:
        sandbox = client.sandboxes.create(template_id="miosa-sandbox")
        # sandbox.update({...}), previewToken({expiresIn}), fork({snapshotId, name})
        sandbox.update(name="renamed", metadata={"team": "a"})
        assert sandbox.name == "renamed"
        token = sandbox.preview_token(expires_in=600)
        assert token.token
        snap = sandbox.snapshots.create()
        assert snap.id is not None
        fork = sandbox.fork(snapshot_id=snap.id, name="forked")
        assert fork.id != sandbox.id and fork.name == "forked"
        fork.destroy()

        # sandbox.files.tree(p, {recursive}), writeMany([...]), watch()
        sandbox.files.write_many([("/workspace/src/a.py", "a"), ("/workspace/src/b.py", b"b")])
        tree = sandbox.files.tree("/workspace", recursive=True)
        assert {n.path for n in tree.walk()} >= {"/workspace/src/a.py", "/workspace/src/b.py"}
        with sandbox.files.watch() as changes:
            sandbox.files.write("/workspace/new.txt", "x")
            for change in changes:
                if change.path == "/workspace/new.txt":
                    assert change.type is FileEventType.CREATED
                    break

        # sandbox.env.list/set(k, v)/delete(k)
        sandbox.env.set("A", "1")
        sandbox.env.set("B", "2")
        assert {v.key: v.value for v in sandbox.env.list()} == {"A": "1", "B": "2"}
        sandbox.env.delete("A")
        assert [v.key for v in sandbox.env.list()] == ["B"]
        assert (sandbox.exec.run("echo $B")).stdout == "2\n"

        # sandbox.processes.start({command, env}), list, get(pid), stop(pid), logs(pid), stream(pid)
        process = sandbox.processes.start("echo $GREETING; echo done", env={"GREETING": "hi"})
        assert process.pid is not None
        with sandbox.processes.stream(process.pid) as output:
            out = [chunk for chunk in output]
        assert [c.line for c in out if isinstance(c, ExecStdout)] == ["hi", "done"]
        assert isinstance(out[-1], ExecExit) and out[-1].exit_code == 0
        assert sandbox.processes.logs(process.pid) == "hi\ndone\n"
        assert [p.pid for p in sandbox.processes.list()] == [process.pid]
        assert (sandbox.processes.get(process.pid)).status == "exited"
        sandbox.processes.stop(process.pid)

        # sandbox.share.create({expiresIn}), list, revoke(shareId)
        share = sandbox.share.create(expires_in=3600)
        assert [s.share_id for s in sandbox.share.list()] == [share.share_id]
        assert share.share_id is not None
        sandbox.share.revoke(share.share_id)
        assert sandbox.share.list() == []

        # client.sandboxTemplates
        templates = client.sandbox_templates.list()
        assert "miosa-sandbox" in {t.id for t in templates}

        # client.sandboxes.destroy(id)
        client.sandboxes.destroy(sandbox.id)
