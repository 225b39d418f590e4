# This file was generated from
#   tests/_async/test_sandbox_git.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandbox.git``: the git command lines on the exec wire, their typed results, and a real
clone/commit/push/pull round trip on the local server."""

from __future__ import annotations

import pytest

from miosa import CommandError, Miosa
from miosa.local import LocalServer
from miosa.types import GitCloneResult, GitResult
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

EXEC = "/sandboxes/sbx_1/exec"
DONE = {"stdout": "done\n", "stderr": "", "exit_code": 0, "duration_ms": 12}


def _git(result: object, command: str) -> bool:
    return (
        isinstance(result, GitResult)
        and result.command == command
        and (result.stdout, result.exit_code, result.duration_ms) == ("done\n", 0, 12)
    )


CASES = [
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.clone("https://git.example/a b.git"),
         method="POST", path=EXEC,
         body={"command": "git clone -- 'https://git.example/a b.git' /workspace"}, reply=DONE,
         check=lambda r: isinstance(r, GitCloneResult) and r.path == "/workspace"
         and _git(r, "git clone -- 'https://git.example/a b.git' /workspace"),
         name="clone-defaults"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.clone(
             "https://git.example/r.git", path="/workspace/app", branch="release/1.0", depth=1,
             timeout=600),
         method="POST", path=EXEC,
         body={"command": "git clone --branch release/1.0 --depth 1 -- "
                          "https://git.example/r.git /workspace/app", "timeout": 600},
         reply=DONE, check=lambda r: isinstance(r, GitCloneResult) and r.path == "/workspace/app",
         name="clone-branch-depth"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.commit(message="it's done"),
         method="POST", path=EXEC,
         body={"command": "git add -A && git commit -m 'it'\"'\"'s done'", "cwd": "/workspace"},
         reply=DONE,
         check=lambda r: _git(r, "git add -A && git commit -m 'it'\"'\"'s done'"),
         name="commit-all"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.commit(
             "/workspace/app", message="only staged", add_all=False),
         method="POST", path=EXEC,
         body={"command": "git commit -m 'only staged'", "cwd": "/workspace/app"}, reply=DONE,
         check=lambda r: _git(r, "git commit -m 'only staged'"), name="commit-staged"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.pull(),
         method="POST", path=EXEC, body={"command": "git pull origin", "cwd": "/workspace"},
         reply=DONE, check=lambda r: _git(r, "git pull origin"), name="pull-tracking"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.pull(
             "/workspace/app", remote="upstream", branch="main"),
         method="POST", path=EXEC,
         body={"command": "git pull upstream main", "cwd": "/workspace/app"}, reply=DONE,
         check=lambda r: _git(r, "git pull upstream main"), name="pull-branch"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.push(),
         method="POST", path=EXEC, body={"command": "git push origin", "cwd": "/workspace"},
         reply=DONE, check=lambda r: _git(r, "git push origin"), name="push-tracking"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").git.push(
             "/workspace/app", branch="feature", force=True),
         method="POST", path=EXEC,
         body={"command": "git push --force-with-lease origin feature", "cwd": "/workspace/app"},
         reply=DONE, check=lambda r: _git(r, "git push --force-with-lease origin feature"),
         name="push-force"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_failed_push_is_a_result_unless_checked() -> None:
    rejected = {"stdout": "", "stderr": "! [rejected] main -> main (fetch first)\n", "exit_code": 1}
    api = MockAPI().on(f"POST {EXEC}", json_response(200, rejected))
    with make_client(api) as client:
        git = client.sandboxes.handle("sbx_1").git
        failed = git.push()
        with pytest.raises(CommandError, match="fetch first") as raised:
            git.push(check=True)
    assert (failed.ok, failed.exit_code, failed.command) == (False, 1, "git push origin")
    assert raised.value.command == "git push origin" and raised.value.exit_code == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda g: g.clone("https://git.example/r.git", branch="--upload-pack=evil"),
        lambda g: g.clone("https://git.example/r.git", depth=0),
        lambda g: g.pull(remote="-q"),
        lambda g: g.push(branch="--delete"),
        lambda g: g.commit(message=""),
    ],
    ids=["option-branch", "zero-depth", "option-remote", "option-branch-push", "no-message"],
)
def test_arguments_git_would_read_as_options_are_refused_before_sending(call: object) -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError):
            call(client.sandboxes.handle("sbx_1").git)  # type: ignore[operator]
    assert api.requests == []


def test_clone_commit_push_and_pull_round_trip_on_the_local_server() -> None:
    setup = (
        "git init -q --bare -b main origin.git && git init -q -b main seed && cd seed"
        " && git config user.email dev@example.com && git config user.name Dev"
        " && echo one > notes.txt && git add notes.txt && git commit -qm one"
        " && git remote add origin ../origin.git && git push -q origin main"
    )
    identity = "git config user.email dev@example.com && git config user.name Dev"
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client, client.sandboxes.create() as sandbox:
            sandbox.exec.run(setup, check=True)
            cloned = sandbox.git.clone("origin.git", path="work", branch="main", check=True)
            sandbox.exec.run(identity, cwd="/workspace/work", check=True)
            sandbox.files.write("/workspace/work/notes.txt", "one\ntwo\n")
            committed = sandbox.git.commit("/workspace/work", message="add two", check=True)
            pushed = sandbox.git.push("/workspace/work", branch="main", check=True)
            pulled = sandbox.git.pull("/workspace/seed", branch="main", check=True)
            nothing = sandbox.git.commit("/workspace/seed", message="empty")
            seen = sandbox.files.read_text("/workspace/seed/notes.txt")
            log = sandbox.exec.run("git log --format=%s", cwd="/workspace/seed")
    assert (cloned.path, cloned.exit_code) == ("work", 0)
    assert committed.ok and pushed.ok and pulled.ok
    assert seen == "one\ntwo\n"
    assert log.stdout.split() == ["add", "two", "one"]
    assert nothing.exit_code != 0  # nothing to commit: git's own rule, as a result
