"""Cloud computers end to end on the local server (`miosa.local`): the lifecycle, exec and
files for real, and the simulated desktop, whose screenshots are real PNGs that change
with every action that draws."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, ValidationError
from miosa._images import png_size, scale_png
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_a_computer_runs_commands_keeps_files_and_draws_on_its_desktop() -> None:
    async with LocalServer() as server, client_for(server) as client:
        computer = await client.computers.create(name="desk", metadata={"team": "qa"})
        created_status = computer.status
        await computer.wait_until_ready(timeout=10)
        ran = await computer.bash("echo hello; pwd; echo oops >&2; exit 3")
        python = await computer.python("print(6 * 7)")
        await computer.files.write("/workspace/notes.txt", "first line\n")
        read = await computer.files.read_text("/workspace/notes.txt")
        listed = await computer.files.list("/workspace")
        stat = await computer.files.stat("/workspace/notes.txt")

        size = await computer.desktop.screen_size()
        width, height = size.width or 0, size.height or 0
        before = await computer.screenshot()
        await computer.click(100, 120)
        after_click = await computer.screenshot()
        await computer.write("hi there")
        after_type = await computer.screenshot()
        await computer.key("ctrl+s")
        await computer.scroll("down", 5, x=640, y=400)
        after_scroll = await computer.screenshot()
        await computer.move_mouse(7, 9)
        cursor = await computer.cursor()
        await computer.desktop.set_clipboard("copied text")
        clipboard = await computer.desktop.clipboard()
        region = await computer.screenshot_region(x=90, y=110, width=30, height=20)
        launched = await computer.launch("firefox")
        windows = await computer.windows()
        with pytest.raises(ValidationError) as off_screen:
            await computer.click(width, 10)
        with pytest.raises(ValidationError):
            await computer.desktop.screenshot_region(x=0, y=0, width=width + 1, height=1)

        stopped = (await computer.stop()).status
        with pytest.raises(ConflictError) as not_running:
            await computer.screenshot()
        started = (await computer.start()).status
        await computer.wait_until_ready(timeout=10)
        kept = await computer.files.read_text("/workspace/notes.txt")
        listed_computers = [c.id async for c in client.computers.list()]
        sandboxes = await client.sandboxes.list()
        await computer.destroy()
        with pytest.raises(NotFoundError):
            await client.computers.get(computer.id or "")
    assert computer.id and computer.id.startswith("cmp_")
    assert created_status == "provisioning" and computer.metadata == {"team": "qa"}
    assert (ran.exit_code, ran.stdout, ran.stderr) == (3, "hello\n/workspace\n", "oops\n")
    assert python.stdout == "42\n" and python.success
    assert read == "first line\n" and kept == read
    assert [e.name for e in listed] == ["notes.txt"]
    assert (stat.size, stat.is_dir, stat.permissions) == (11, False, "0644")
    assert (width, height) == (1280, 800)
    assert png_size(before) == (1280, 800)
    assert png_size(scale_png(after_click, 128, 80)) == (128, 80)  # decodes: a real PNG
    assert len({before, after_click, after_type, after_scroll}) == 4
    assert (cursor.x, cursor.y) == (7, 9) and clipboard == "copied text"
    assert png_size(region) == (30, 20)
    assert launched.success and windows[-1].title == "Firefox" and windows[-1].has_focus
    assert off_screen.value.code == "VALIDATION_ERROR"
    assert stopped == "stopped" and not_running.value.code == "COMPUTER_NOT_RUNNING"
    assert started == "starting" and computer.status == "running"
    assert listed_computers == [computer.id]
    assert computer.id not in {s.id for s in sandboxes}  # a computer is listed as one only


async def test_files_env_ports_and_checkpoints_work_on_the_workspace() -> None:
    async with LocalServer() as server, client_for(server) as client:
        computer = await client.computers.create(name="files", template_type="miosa-sandbox")
        fs = computer.fs("/workspace")
        await fs.mkdir("src/pkg")
        await fs.write("src/pkg/a.txt", "alpha")
        await fs.copy("src", "copy", recursive=True)
        await fs.rename("copy/pkg/a.txt", "copy/pkg/b.txt")
        await computer.files.chmod("/workspace/copy/pkg/b.txt", 0o600)
        mode = (await computer.files.stat("/workspace/copy/pkg/b.txt")).permissions
        await computer.files.upload_form("/workspace/form.bin", b"\x00\x01binary")
        form = await computer.files.read("/workspace/form.bin")
        entries = await fs.readdir("copy/pkg")
        exported = await computer.files.export("/workspace/src/pkg/a.txt")
        await fs.delete("copy")
        root = await computer.files.list("/")
        with pytest.raises(NotFoundError):
            await fs.read("copy/pkg/b.txt")

        await computer.env.set("GREETING", "hola")
        echoed = await computer.bash("echo $GREETING")
        port = await computer.ports.create(8080, visibility="public")
        ports = await computer.ports.list()

        checkpoint = await computer.checkpoints.create(comment="before")
        done = await computer.checkpoints.wait_for_completion(checkpoint.id or "", timeout=10)
        await fs.write("src/pkg/a.txt", "changed")
        restored = await computer.checkpoints.restore(checkpoint.id or "")
        twin = client.computers.handle(restored.data.id or "" if restored.data else "")
        back = await twin.files.read_text("/workspace/src/pkg/a.txt")
        clone = await computer.clone(name="files-clone")
        cloned = await clone.files.read_text("/workspace/src/pkg/a.txt")

        with pytest.raises(ConflictError) as headless:
            await computer.screenshot()
        with pytest.raises(ConflictError) as moved:
            await computer.move(region="eu")
    assert mode == "0600" and form == b"\x00\x01binary"
    assert [(e.name, e.is_dir) for e in entries] == [("b.txt", False)]
    assert exported.url and "/exports/download" in exported.url
    assert [(e.name, e.is_dir) for e in root] == [("workspace", True)]
    assert echoed.stdout == "hola\n"
    assert port.url and [p.port for p in ports] == [8080]
    assert (checkpoint.status, done.status) == ("creating", "ready")
    assert restored.data and restored.data.status == "provisioning" and back == "alpha"
    assert restored.snapshot and restored.snapshot.id == checkpoint.id
    assert clone.id != computer.id and cloned == "changed"
    assert headless.value.code == "UNSUPPORTED_OPERATION"
    assert moved.value.code == "UNSUPPORTED_OPERATION"
