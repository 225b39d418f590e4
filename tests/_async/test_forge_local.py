"""MIOSA Forge end to end on the local server (`miosa.local`): repository content written
and read back through the public SDK, pull requests reviewed, checked and merged under a
branch policy, and the supply-chain routes (checks, attestations, automation runs,
project links, forks, grants)."""

from __future__ import annotations

import hashlib

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url, max_retries=0)


def git_blob_oid(text: str) -> str:
    data = text.encode()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


async def test_files_written_to_a_branch_are_what_tree_blob_history_and_compare_read() -> None:
    async with LocalServer() as server, client_for(server) as client:
        repos = client.forge.repositories
        repo = await repos.create(name="Site")
        rid = repo.id or ""
        refs = await repos.refs(rid)
        first = refs.head_oid or ""
        readme = await repos.readme(rid)
        wrote = await repos.put_file(
            rid, "src/app.py", content="print(1)\n", expected_head=first, branch="feature"
        )
        second = await repos.put_file(
            rid,
            "src/app.py",
            content="print(2)\nprint(3)\n",
            expected_head=wrote.commit_oid or "",
            branch="feature",
            message="Print more",
        )
        with pytest.raises(ConflictError) as stale:
            await repos.put_file(
                rid, "src/app.py", content="x", expected_head=first, branch="feature"
            )
        root = await repos.tree(rid, ref="feature")
        src = await repos.tree(rid, ref="feature", path="src")
        blob = await repos.blob(rid, "src/app.py", ref="feature")
        with pytest.raises(NotFoundError):
            await repos.blob(rid, "src/app.py")  # not on the default branch
        history = [c.subject async for c in repos.commits(rid, ref="feature", limit=1)]
        first_page = await repos.commits(rid, ref="feature", limit=2)
        only_src = [c.oid async for c in repos.commits(rid, ref="feature", path="src")]
        detail = await repos.commit(rid, (second.commit_oid or "")[:10])
        comparison = await repos.compare(rid, base="main", head="feature")
        tag = await repos.create_tag(rid, name="v0.1", target="feature", message="First cut")
        light = await repos.create_tag(rid, name="start")
        with pytest.raises(ConflictError):
            await repos.create_tag(rid, name="start")
        after_tags = await repos.refs(rid)
        owners_file = "* @lead\n*.py @py-team @lead\n"
        owners_commit = await repos.put_file(
            rid, "CODEOWNERS", content=owners_file, expected_head=first
        )
        owners = await repos.code_owners(rid)
        deleted = await repos.delete_file(
            rid, "CODEOWNERS", expected_head=owners_commit.commit_oid or ""
        )
        with pytest.raises(NotFoundError):
            await repos.delete_file(rid, "CODEOWNERS", expected_head=deleted.commit_oid or "")
        with pytest.raises(ValidationError):
            await repos.compare(rid, base="", head="feature")
    assert readme.path == "README.md" and readme.text == "# Site\n"
    assert readme.oid == git_blob_oid("# Site\n")
    assert [b.name for b in refs.branches] == ["main"] and refs.branches[0].is_default
    assert wrote.previous_head == first and wrote.branch == "feature"
    assert second.previous_head == wrote.commit_oid
    assert stale.value.code == "FORGE_HEAD_MOVED"
    assert [(e.name, e.type) for e in root.entries] == [("README.md", "blob"), ("src", "tree")]
    assert [e.path for e in src.entries] == ["src/app.py"]
    assert blob.text == "print(2)\nprint(3)\n" and blob.oid == git_blob_oid(blob.text)
    assert blob.commit_oid == second.commit_oid
    assert history == ["Print more", "Update src/app.py", "Initial commit"]
    assert len(first_page.items) == 2 and first_page.has_more
    assert only_src == [second.commit_oid, wrote.commit_oid]
    assert detail.oid == second.commit_oid and detail.message == "Print more"
    assert [(f.path, f.status, f.additions, f.deletions) for f in detail.files] == [
        ("src/app.py", "modified", 2, 1)
    ]
    assert (comparison.ahead_by, comparison.behind_by, comparison.merge_base) == (2, 0, first)
    assert [c.oid for c in comparison.commits] == [wrote.commit_oid, second.commit_oid]
    assert [(f.path, f.status) for f in comparison.files] == [("src/app.py", "added")]
    assert tag.target == second.commit_oid and tag.oid != tag.target
    assert (light.target, light.oid) == (first, first)
    assert {t.name for t in after_tags.tags} == {"v0.1", "start"}
    assert {b.name for b in after_tags.branches} == {"main", "feature"}
    assert owners.path == "CODEOWNERS"
    assert [(r.pattern, r.owners) for r in owners.rules] == [
        ("*", ("@lead",)),
        ("*.py", ("@py-team", "@lead")),
    ]
    assert deleted.previous_head == owners_commit.commit_oid


async def test_a_pull_request_merges_once_its_policy_is_met_and_deploys_linked_projects() -> None:
    async with LocalServer() as server, client_for(server) as client:
        forge = client.forge
        repo = await forge.repositories.create(name="App")
        rid = repo.id or ""
        head = (await forge.repositories.refs(rid)).head_oid or ""
        await forge.repositories.put_file(
            rid, "app.py", content="v1\n", expected_head=head, branch="feature"
        )
        policy = await forge.repositories.update_merge_policy(
            rid, required_approvals=1, required_checks=["ci"], dismiss_stale_reviews=True
        )
        published = await forge.repositories.publish_branch_policy(rid, required_approvals=1)
        read_policy = await forge.repositories.merge_policy(rid, branch="main")
        link = await forge.project_links.create(rid, project_id="prj_web", path_filter=["*.py"])
        pr = await forge.pull_requests.create(rid, title="Ship v1", head_branch="feature")
        number = pr.number or 0
        with pytest.raises(ConflictError) as blocked:
            await forge.pull_requests.merge(rid, number)
        review = await forge.pull_requests.create_review(rid, number, decision="approve")
        moved = await forge.repositories.put_file(
            rid, "app.py", content="v2\n", expected_head=pr.head_sha or "", branch="feature"
        )
        stale = await forge.pull_requests.collaboration(rid, number)
        with pytest.raises(ConflictError) as old_head:
            await forge.pull_requests.report_check(
                rid, number, name="ci", head_sha=pr.head_sha or "", evidence={"log": "ok"}
            )
        await forge.pull_requests.create_review(rid, number, decision="approve", body="Again")
        check = await forge.pull_requests.report_check(
            rid,
            number,
            name="ci",
            head_sha=moved.commit_oid or "",
            evidence={"tests": 12},
            conclusion="success",
        )
        ready = await forge.pull_requests.collaboration(rid, number)
        previews = await forge.pull_requests.list_previews(rid, number)
        receipt = await forge.pull_requests.merge(rid, number, idempotency_key="merge-1")
        replayed = await forge.pull_requests.merge(rid, number, idempotency_key="merge-1")
        with pytest.raises(ConflictError):
            await forge.pull_requests.merge(rid, number)
        merged = await forge.pull_requests.collaboration(rid, number)
        on_main = await forge.repositories.blob(rid, "app.py")
        deployments = [d async for d in forge.repositories.deployments(rid)]
        staging = [d async for d in forge.repositories.deployments(rid, environment="staging")]
        kinds = [p.kind for p in await forge.repositories.provenance(rid)]
        closed_previews = await forge.pull_requests.list_previews(rid, number)
    assert (policy.version, published.version, read_policy.version) == (1, 2, 2)
    assert read_policy.required_checks == ("ci",) and read_policy.dismiss_stale_reviews
    assert link.auto_deploy and link.branch == "main" and link.path_filter == ("*.py",)
    assert blocked.value.code == "FORGE_MERGE_BLOCKED"
    assert review.head_sha == pr.head_sha and review.state == "active"
    assert stale.head_sha == moved.commit_oid and stale.state == "blocked"
    assert [r.state for r in stale.reviews] == ["dismissed"]
    assert old_head.value.code == "FORGE_HEAD_MOVED"
    assert check.head_sha == moved.commit_oid and check.evidence == {"tests": 12}
    assert ready.state == "mergeable" and ready.policy and ready.policy["version"] == 2
    assert [p.project_id for p in previews] == ["prj_web"] and previews[0].state == "ready"
    assert receipt.head_sha == moved.commit_oid and receipt.base_sha == head
    assert (receipt.policy_version, receipt.ref) == (2, "refs/heads/main")
    assert receipt.evidence and receipt.evidence["checks"] == [
        {"name": "ci", "conclusion": "success"}
    ]
    assert merged.state == "merged" and merged.merge_receipt == receipt == replayed
    assert on_main.text == "v2\n" and on_main.commit_oid == receipt.merge_sha
    assert [(d.project_id, d.commit_sha) for d in deployments] == [("prj_web", receipt.merge_sha)]
    assert staging == []
    assert kinds.count("merge") == 1 and kinds[0] == "push"
    assert closed_previews[0].state == "destroyed"


async def test_conflicting_branches_refuse_to_merge_and_a_fork_merges_back() -> None:
    async with LocalServer() as server, client_for(server) as client:
        forge = client.forge
        rid = (await forge.repositories.create(name="Lib")).id or ""
        base = (await forge.repositories.refs(rid)).head_oid or ""
        await forge.repositories.put_file(
            rid, "README.md", content="theirs\n", expected_head=base, branch="edit"
        )
        ours = await forge.repositories.put_file(
            rid, "README.md", content="ours\n", expected_head=base
        )
        pr = await forge.pull_requests.create(rid, title="Edit", head_branch="edit")
        with pytest.raises(ConflictError) as conflict:
            await forge.pull_requests.merge(rid, pr.number or 0)

        fork = await forge.repositories.fork(rid, name="Lib fork")
        fork_id = fork.id or ""
        fork_head = (await forge.repositories.refs(fork_id)).head_oid or ""
        await forge.repositories.put_file(
            fork_id, "docs/guide.md", content="# Guide\n", expected_head=fork_head
        )
        from_fork = await forge.pull_requests.create(
            rid, title="Guide", head_repository_id=fork_id, head_branch="main"
        )
        receipt = await forge.pull_requests.merge(rid, from_fork.number or 0)
        guide = await forge.repositories.blob(rid, "docs/guide.md")
        readme = await forge.repositories.blob(rid, "README.md")
    assert conflict.value.code == "FORGE_MERGE_CONFLICT"
    assert fork.state == "active" and fork.default_branch == "main" and fork.id != rid
    assert fork_head == ours.commit_oid
    assert receipt.merge_sha and guide.text == "# Guide\n" and readme.text == "ours\n"


async def test_code_owners_and_independent_approval_gate_the_merge() -> None:
    async with LocalServer() as server, client_for(server) as client:
        forge = client.forge
        rid = (await forge.repositories.create(name="Owned")).id or ""
        base = (await forge.repositories.refs(rid)).head_oid or ""
        on_main = await forge.repositories.put_file(
            rid, "CODEOWNERS", content="*.md @key_root\n", expected_head=base
        )
        await forge.repositories.put_file(
            rid, "NOTES.md", content="notes\n", expected_head=on_main.commit_oid or "",
            branch="notes",
        )  # fmt: skip
        await forge.repositories.publish_branch_policy(
            rid,
            required_approvals=1,
            require_independent_approval=True,
            require_code_owner_approval=True,
        )
        pr = await forge.pull_requests.create(rid, title="Notes", head_branch="notes")
        await forge.pull_requests.create_review(rid, pr.number or 0, decision="approve")
        with pytest.raises(ConflictError) as own_approval:
            await forge.pull_requests.merge(rid, pr.number or 0)
        await forge.repositories.publish_branch_policy(rid, require_independent_approval=False)
        receipt = await forge.pull_requests.merge(rid, pr.number or 0)
        await forge.repositories.update_merge_policy(rid, require_code_owner_approval=True)
        await forge.repositories.put_file(
            rid, "CODEOWNERS", content="*.md @lead\n",
            expected_head=receipt.merge_sha or "",
        )  # fmt: skip
        head = (await forge.repositories.refs(rid)).head_oid or ""
        await forge.repositories.put_file(
            rid, "MORE.md", content="more\n", expected_head=head, branch="more"
        )
        second = await forge.pull_requests.create(rid, title="More", head_branch="more")
        await forge.pull_requests.create_review(rid, second.number or 0, decision="approve")
        not_owner = await forge.pull_requests.collaboration(rid, second.number or 0)
        await forge.pull_requests.create_review(rid, second.number or 0, decision="request_changes")
        changes = await forge.pull_requests.collaboration(rid, second.number or 0)
    assert own_approval.value.code == "FORGE_MERGE_BLOCKED"
    assert own_approval.value.details["blockers"] == [
        "1 approval(s) required, 0 given",
        "an approval by a code owner is required",
    ]
    assert receipt.policy_version == 2 and receipt.evidence
    assert receipt.evidence["approvals"] == ["key_root"]
    assert not_owner.state == "blocked"
    assert not_owner.raw["blockers"] == ["an approval by a code owner is required"]
    assert changes.raw["blockers"][0] == "changes requested by key_root"


async def test_checks_attestations_automation_links_grants_and_the_account() -> None:
    async with LocalServer() as server, client_for(server) as client:
        forge = client.forge
        rid = (await forge.repositories.create(name="Supply")).id or ""
        sha = (await forge.repositories.refs(rid)).head_oid or ""
        lint = await forge.checks.create_run(
            rid, commit_sha=sha[:8], name="lint", conclusion="success", evidence={"warnings": 0}
        )
        unit = await forge.checks.create_run(rid, commit_sha=sha, name="unit", status="in_progress")
        got = await forge.checks.get_run(rid, lint.id or "")
        evidence = await forge.checks.run_evidence(rid, lint.id or "")
        suite = await forge.checks.get_suite(rid, sha)
        suites = await forge.checks.list_suites(rid, commit_sha=sha)
        with pytest.raises(NotFoundError):
            await forge.checks.get_suite(rid, "0" * 40)

        await forge.releases.create(rid, tag="v1")
        on_commit = await forge.attestations.create(
            rid, commit_sha=sha, subject_type="commit", subject_id=sha,
            predicate={"builder": "local"},
        )  # fmt: skip
        on_release = await forge.attestations.create(
            rid, commit_sha=sha, subject_type="release", subject_id="v1"
        )
        with pytest.raises(NotFoundError):
            await forge.attestations.create(
                rid, commit_sha=sha, subject_type="release", subject_id="v9"
            )
        verified = await forge.attestations.verify(rid, on_commit.id or "")
        listed = await forge.attestations.list(rid, commit_sha=sha)
        fetched = await forge.attestations.get(rid, on_release.id or "")

        run = await forge.automation_runs.create(rid, commit_sha=sha)
        runs = await forge.automation_runs.list(rid, limit=5)
        one = await forge.automation_runs.get(rid, run.id or "")
        receipt = await forge.automation_runs.receipt(rid, run.id or "", one.steps[1].id or "")
        with pytest.raises(NotFoundError):
            await forge.automation_runs.receipt(rid, run.id or "", "fstep_missing")

        link = await forge.project_links.create(rid, project_id="prj_1", environment="staging")
        with pytest.raises(ConflictError):
            await forge.project_links.create(rid, project_id="prj_1")
        changed = await forge.project_links.update(rid, "prj_1", auto_deploy=False)
        attached = await forge.repositories.get(rid)
        removed = await forge.project_links.delete(rid, "prj_1")
        with pytest.raises(NotFoundError):
            await forge.project_links.update(rid, "prj_1", branch="dev")

        grant = await forge.repositories.grant(rid, "usr_7", role="write")
        regrant = await forge.repositories.grant(rid, "usr_7", role="admin")
        sync = await forge.repositories.synchronization(rid)
        account = await forge.account()
        await forge.repositories.delete(rid)
        with pytest.raises(NotFoundError):
            await forge.attestations.list(rid)
    assert lint.commit_sha == sha and lint.has_evidence and lint.evidence is None
    assert got == lint and evidence.evidence == {"warnings": 0}
    assert (unit.status, unit.conclusion, unit.has_evidence) == ("in_progress", None, False)
    assert suite.status == "pending" and {c.name for c in suite.checks} == {"lint", "unit"}
    assert [s.commit_sha for s in suites] == [sha]
    assert on_commit.statement and on_commit.statement["predicate"] == {"builder": "local"}
    assert on_commit.envelope and on_commit.key_id and on_commit.statement_sha256
    assert verified.valid is True and verified.subject == sha
    assert verified.statement_sha256 == on_commit.statement_sha256
    assert [a.id for a in listed] == [on_commit.id, on_release.id]
    assert fetched.subject_type == "release" and fetched.subject_ref == "v1"
    assert run.status == "succeeded" and [s.name for s in run.steps] == [
        "checkout",
        "build",
        "test",
    ]
    assert [r.id for r in runs] == [run.id] and one == run
    assert receipt.step_id == one.steps[1].id and receipt.run_id == run.id
    assert receipt.digest and receipt.digest.startswith("sha256:")
    assert link.environment == "staging" and link.auto_deploy is True
    assert changed.auto_deploy is False and "prj_1" in attached.project_ids
    assert removed.project_id == "prj_1"
    assert (grant.role, regrant.role, regrant.created_at) == ("write", "admin", grant.created_at)
    assert sync.repository_id == rid and sync.state == "not_configured"
    assert account.plan == "local" and account.usage and account.usage["repositories"] == 1
