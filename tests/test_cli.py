"""The ``miosa`` command line, driven by Click's test runner against a local server."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from miosa import Miosa
from miosa.cli.app import cli
from miosa.cli.context import Settings
from miosa.local import LocalServer


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local


@pytest.fixture
def env(server: LocalServer) -> dict[str, str]:
    """The client's environment, as a user of the command sets it."""
    return {"MIOSA_API_KEY": server.api_key, "MIOSA_BASE_URL": server.base_url}


def run(args: list[str], env: Mapping[str, str | None], **kwargs: Any) -> Result:
    return CliRunner().invoke(cli, args, env=dict(env), catch_exceptions=False, **kwargs)


def json_lines(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def sandbox(env: dict[str, str]) -> Iterator[str]:
    created = run(["sandboxes", "create"], env)
    assert created.exit_code == 0, created.output
    ident = created.stdout.strip()
    yield ident
    run(["sandboxes", "destroy", ident], env)


def test_sandboxes_create_list_get_destroy(env: dict[str, str]) -> None:
    created = run(["sandboxes", "create", "--name", "cli-demo", "--env", "A=1=2", "--json"], env)
    assert created.exit_code == 0, created.output
    data = json.loads(created.stdout)
    ident = data["id"]
    assert data["name"] == "cli-demo" and data["state"] == "running"

    listed = run(["sandboxes", "list", "--json"], env)
    assert ident in [item["id"] for item in json.loads(listed.stdout)]
    plain = run(["sandboxes", "list"], env)
    row = next(line for line in plain.stdout.splitlines() if line.startswith(ident))
    assert row.split("\t")[1:3] == ["cli-demo", "running"]

    got = run(["--json", "sandboxes", "get", ident], env)  # the root's --json works too
    assert json.loads(got.stdout)["id"] == ident
    assert f"id: {ident}" in run(["sandboxes", "get", ident], env).stdout
    env_seen = run(["exec", ident, "--", 'printf %s "$A"'], env)
    assert env_seen.stdout == "1=2\n"

    destroyed = run(["sandboxes", "destroy", ident, "--json"], env)
    assert (destroyed.exit_code, json.loads(destroyed.stdout)) == (0, {"destroyed": [ident]})
    gone = run(["sandboxes", "get", ident], env)
    assert gone.exit_code == 1
    assert gone.stderr.startswith("Error: ") and "not found" in gone.stderr.lower()


def test_exec_streams_both_outputs_and_exits_with_the_command_code(
    env: dict[str, str], sandbox: str
) -> None:
    result = run(["exec", sandbox, "--", "echo out; echo err >&2; exit 3"], env)
    assert (result.exit_code, result.stdout, result.stderr) == (3, "out\n", "err\n")
    # Several words are quoted into one line: the `;` is an argument, not a separator.
    quoted = run(["exec", sandbox, "--", "echo", "a;", "echo", "$HOME"], env)
    assert (quoted.exit_code, quoted.stdout) == (0, "a; echo $HOME\n")
    as_json = run(["exec", "--json", "--cwd", "/tmp", sandbox, "--", "pwd; exit 2"], env)
    assert as_json.exit_code == 2
    assert json_lines(as_json.stdout) == [
        {"type": "stdout", "line": "/tmp"},
        {"type": "exit", "exit_code": 2},
    ]


def test_files_cp_uploads_and_downloads(env: dict[str, str], sandbox: str, tmp_path: Path) -> None:
    data = os.urandom(300_000)
    source = tmp_path / "data.bin"
    source.write_bytes(data)
    up = run(["files", "cp", str(source), f"{sandbox}:/workspace/", "--json"], env)
    assert up.exit_code == 0, up.output
    assert json.loads(up.stdout) == {
        "source": str(source),
        "destination": f"{sandbox}:/workspace/data.bin",
        "bytes": len(data),
    }
    target = tmp_path / "back"
    target.mkdir()
    down = run(["files", "cp", f"{sandbox}:/workspace/data.bin", str(target)], env)
    assert down.exit_code == 0, down.output
    assert (target / "data.bin").read_bytes() == data
    assert down.stdout.endswith(f"({len(data)} bytes)\n")

    neither = run(["files", "cp", str(source), str(tmp_path / "x")], env)
    assert neither.exit_code == 2 and "exactly one of" in neither.stderr
    missing = run(["files", "cp", f"{sandbox}:/workspace/nope", str(tmp_path / "n")], env)
    assert missing.exit_code == 1 and len(missing.stderr.strip().splitlines()) == 1


def test_files_cp_draws_a_progress_bar_on_a_terminal(
    env: dict[str, str], sandbox: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "bar.bin"
    source.write_bytes(b"x" * 3_000_000)
    updates: list[tuple[Any, Any]] = []
    import rich.progress

    real_update = rich.progress.Progress.update

    def spy(self: rich.progress.Progress, task: Any, **fields: Any) -> None:
        updates.append((fields.get("completed"), fields.get("total")))
        real_update(self, task, **fields)

    monkeypatch.setattr("miosa.cli.output.is_terminal", lambda stream: True)
    monkeypatch.setattr(rich.progress.Progress, "update", spy)
    result = run(["files", "cp", str(source), f"{sandbox}:/workspace/bar.bin"], env)
    assert result.exit_code == 0, result.output
    assert updates[0] == (0, 3_000_000) and updates[-1] == (3_000_000, 3_000_000)
    assert len(updates) > 2  # the bar moved along the way, not only at the end


def test_shell_types_piped_lines_and_ends_with_the_input(env: dict[str, str], sandbox: str) -> None:
    result = run(["shell", sandbox], env, input="echo shell-$((2 + 3))\n")
    assert result.exit_code == 0, result.output
    assert "shell-5" in result.stdout
    as_json = run(["shell", sandbox, "--json"], env, input="echo json-$((6 * 7))\nexit\n")
    lines = json_lines(as_json.stdout)
    assert "json-42" in "".join(line["data"] for line in lines[:-1])
    assert lines[-1] == {"type": "closed", "code": 1000}


def test_events_tails_the_tenant_stream(env: dict[str, str], server: LocalServer) -> None:
    results: list[Result] = []
    args = ["events", "--json", "--count", "1", "--type", "sandbox.created"]
    tail = threading.Thread(target=lambda: results.append(run(args, env)), daemon=True)
    before = len(server.requests)
    tail.start()
    deadline = time.monotonic() + 10
    while not any(r.path.endswith("/events/stream") for r in server.requests[before:]):
        assert time.monotonic() < deadline, "the event stream was never opened"
        time.sleep(0.02)
    # Through the SDK: a second runner would swap sys.stdout under the first one.
    with Miosa(api_key=server.api_key, base_url=server.base_url) as client:
        created = client.sandboxes.create()
        tail.join(10)
        created.destroy()
    assert not tail.is_alive() and results[0].exit_code == 0
    (event,) = json_lines(results[0].stdout)
    assert event["type"] == "sandbox.created" and created.id in json.dumps(event)


def test_options_win_over_the_environment_and_errors_are_one_line(server: LocalServer) -> None:
    options = ["--api-key", server.api_key, "--base-url", server.base_url]
    wrong_env = {"MIOSA_API_KEY": "msk_wrong", "MIOSA_BASE_URL": "http://127.0.0.1:9/api/v1"}
    ok = run([*options, "sandboxes", "list", "--json"], wrong_env)
    assert ok.exit_code == 0 and isinstance(json.loads(ok.stdout), list)

    bad_key = run(["sandboxes", "list"], {**wrong_env, "MIOSA_BASE_URL": server.base_url})
    no_key = run(["sandboxes", "list"], {"MIOSA_API_KEY": None, "MIOSA_ACCESS_TOKEN": None})
    for result in (bad_key, no_key):
        assert result.exit_code == 1
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert "401" in bad_key.stderr and "MIOSA_API_KEY" in no_key.stderr


def test_miosa_local_serves_until_terminated(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "miosa.cli", "local", "--json", "--isolation", "none"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        info = json.loads(process.stdout.readline())
        env = {"MIOSA_API_KEY": info["api_key"], "MIOSA_BASE_URL": info["base_url"]}
        assert info["base_url"].startswith("http://127.0.0.1:")
        listed = run(["sandboxes", "list", "--json"], env)
        assert (listed.exit_code, json.loads(listed.stdout)) == (0, [])
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
        if process.stdout is not None:
            process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()


def test_importing_miosa_or_its_cli_package_does_not_load_click_or_rich() -> None:
    code = (
        "import sys, miosa, miosa.cli\n"
        "loaded = sorted(m for m in ('click', 'rich', 'httpx_ws') if m in sys.modules)\n"
        "print(loaded)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_console_script_is_declared() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # the dev extra installs tomli on 3.10
        import tomli as tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    assert project["scripts"] == {"miosa": "miosa.cli:main"}
    assert "click>=8.1" in project["optional-dependencies"]["cli"]


def test_every_command_line_in_the_readme_parses() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    blocks = re.findall(r"```console\n(.*?)```", readme, flags=re.S)
    lines = [line.split("  #")[0] for block in blocks for line in block.splitlines()]
    commands = [shlex.split(line)[1:] for line in lines if line.startswith("miosa ")]
    assert len(commands) >= 9
    for args in commands:
        # Parsing without running: unknown commands, options or missing arguments raise.
        context = click.Context(cli, info_name="miosa", obj=Settings(None, None, False))
        group: click.Command = cli
        rest = list(args)
        while isinstance(group, click.Group):  # the groups take no options of their own
            name, found, rest = group.resolve_command(context, rest)
            assert found is not None and name is not None, args
            if not isinstance(found, click.Group):
                found.make_context(name, rest, parent=context)  # parses; raises on a mistake
            context = click.Context(found, info_name=name, parent=context)
            group = found
