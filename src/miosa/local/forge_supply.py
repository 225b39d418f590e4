"""MIOSA Forge supply chain: attestations, automation runs and project links.

Attestations are real statements: an in-toto v1 statement about a commit, a release or a
release asset of the repository (the subject must exist), wrapped in a DSSE envelope
and signed with HMAC-SHA256 under a key the local server makes per store, so
``verification`` recomputes the signature and the statement digest (a production server
signs with its own asymmetric key). Automation runs are canned: nothing is built, each
run's steps (checkout, build, test) complete at once with a receipt whose digest covers
its evidence. Project links are kept per repository; a push to a linked branch with
``auto_deploy`` records a deployment (see ``forge.record_push``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets

from starlette.responses import Response

from . import forge_objects as objects
from .common import JSON, iso, new_id, now
from .forge import acting_user, find_repository, git_state, record_provenance, repository_releases
from .http import ApiError, int_param, not_found, ok
from .records import Collection, records
from .routing import Call, Endpoint

_REPO = "/forge/repositories/{repository_id}"
ATTESTATIONS = Collection(_REPO + "/attestations", "attestation_id", "fatt", "attestation")
RUNS = Collection(_REPO + "/automation-runs", "run_id", "fauto", "automation run")

SUBJECT_TYPES = ("commit", "release", "release_asset")
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"
DEFAULT_PREDICATE = "https://slsa.dev/provenance/v1"
STEPS = ("checkout", "build", "test")
_SIGNING = "/forge/signing-key"


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def _signing_key(call: Call) -> JSON:
    """The store's attestation key (made on first use; its secret never leaves)."""
    table = call.store.records.setdefault(_SIGNING, {})
    if "" not in table:
        table[""] = {"key_id": new_id("fkey"), "secret": secrets.token_hex(32)}
    return table[""]


def _pae(payload: bytes) -> bytes:
    """DSSE's pre-authentication encoding: what the signature covers."""
    kind = PAYLOAD_TYPE.encode()
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(payload), payload)


def _sign(key: JSON, payload: bytes) -> str:
    mac = hmac.new(bytes.fromhex(key["secret"]), _pae(payload), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


# -- attestations -------------------------------------------------------------------


def _subject(call: Call, repo: JSON, kind: str, ident: str) -> tuple[str, JSON]:
    """The subject's name and digest; 404 when the repository has no such subject."""
    if kind == "commit":
        oid = objects.find_commit(git_state(repo), ident)
        if oid is None:
            raise not_found("commit", ident)
        return oid, {"gitCommit": oid}
    for release in repository_releases(call, repo):
        if kind == "release" and release["tag"] == ident:
            return ident, {"gitCommit": release["commit_sha"]}
        for asset in release["assets"] if kind == "release_asset" else ():
            if asset["id"] == ident:
                return asset["name"], {"sha256": asset["sha256"]}
    raise not_found(kind.replace("_", " "), ident)


async def create_attestation(call: Call) -> Response:
    """``POST /forge/repositories/{repository_id}/attestations``: sign a statement."""
    repo = find_repository(call)
    commit_sha = await call.require("commit_sha", str)
    kind = await call.require("subject_type", str, choices=SUBJECT_TYPES)
    subject_id = await call.require("subject_id", str)
    predicate_type = await call.optional("predicate_type", str) or DEFAULT_PREDICATE
    predicate = await call.optional("predicate", dict, {})
    oid = objects.find_commit(git_state(repo), commit_sha)
    if oid is None:
        raise not_found("commit", commit_sha)
    name, digest = _subject(call, repo, kind, subject_id)
    statement: JSON = {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": name, "digest": digest}],
        "predicateType": predicate_type,
        "predicate": predicate,
    }
    payload = _canonical(statement)
    key = _signing_key(call)
    attestation: JSON = {
        "id": new_id(ATTESTATIONS.prefix),
        "repository_id": repo["id"],
        "commit_sha": oid,
        "subject_type": kind,
        "subject_ref": subject_id,
        "predicate_type": predicate_type,
        "statement": statement,
        "envelope": {
            "payloadType": PAYLOAD_TYPE,
            "payload": base64.b64encode(payload).decode(),
            "signatures": [{"keyid": key["key_id"], "sig": _sign(key, payload)}],
        },
        "statement_sha256": hashlib.sha256(payload).hexdigest(),
        "key_id": key["key_id"],
        "created_by_user_id": acting_user(call),
        "created_at": iso(now()),
    }
    records(call, ATTESTATIONS)[attestation["id"]] = attestation
    record_provenance(call, repo, "attestation", oid, f"{kind}:{subject_id}")
    call.resource_id = attestation["id"]
    return ok(attestation, 201)


def _attestation(call: Call) -> JSON:
    repo = find_repository(call)
    ident = call.params["attestation_id"]
    found = records(call, ATTESTATIONS).get(ident)
    if found is None or found["repository_id"] != repo["id"]:
        raise not_found("attestation", ident)
    return found


async def list_attestations(call: Call) -> Response:
    """``GET .../attestations?commit_sha=``."""
    repo = find_repository(call)
    wanted = call.query.get("commit_sha")
    if wanted:
        wanted = objects.find_commit(git_state(repo), wanted) or wanted
    return ok(
        [
            a
            for a in records(call, ATTESTATIONS).values()
            if a["repository_id"] == repo["id"] and (not wanted or a["commit_sha"] == wanted)
        ]
    )


async def get_attestation(call: Call) -> Response:
    """``GET .../attestations/{attestation_id}``."""
    return ok(_attestation(call))


async def verify_attestation(call: Call) -> Response:
    """``GET .../attestations/{attestation_id}/verification``: the signature and the
    statement digest recomputed from the stored envelope."""
    found = _attestation(call)
    key = _signing_key(call)
    envelope = found["envelope"]
    payload = base64.b64decode(envelope["payload"])
    signature = str(envelope["signatures"][0]["sig"])
    valid = (
        envelope["signatures"][0]["keyid"] == key["key_id"]
        and hmac.compare_digest(signature, _sign(key, payload))
        and hashlib.sha256(payload).hexdigest() == found["statement_sha256"]
    )
    return ok(
        {
            "valid": valid,
            "signature": signature,
            "subject": found["statement"]["subject"][0]["name"],
            "key_id": key["key_id"],
            "statement_sha256": found["statement_sha256"],
            "checked_at": iso(now()),
        }
    )


# -- automation runs ----------------------------------------------------------------


def _step(run_id: str, name: str, commit_sha: str, stamp: str | None) -> JSON:
    evidence = {"step": name, "commit_sha": commit_sha, "status": "succeeded", "local": True}
    step_id = new_id("fstep")
    return {
        "id": step_id,
        "name": name,
        "status": "succeeded",
        "started_at": stamp,
        "completed_at": stamp,
        "_receipt": {
            "id": new_id("frcpt"),
            "run_id": run_id,
            "step_id": step_id,
            "digest": "sha256:" + hashlib.sha256(_canonical(evidence)).hexdigest(),
            "evidence": evidence,
            "created_at": stamp,
        },
    }


def _run_view(run: JSON) -> JSON:
    steps = [{k: v for k, v in s.items() if not k.startswith("_")} for s in run["steps"]]
    return {**run, "steps": steps}


async def create_run(call: Call) -> Response:
    """``POST .../automation-runs``: a run on a commit of the repository; its steps are
    canned and complete at once (nothing is built locally)."""
    repo = find_repository(call)
    commit_sha = await call.require("commit_sha", str)
    oid = objects.find_commit(git_state(repo), commit_sha)
    if oid is None:
        raise not_found("commit", commit_sha)
    stamp = iso(now())
    run_id = new_id(RUNS.prefix)
    run: JSON = {
        "id": run_id,
        "repository_id": repo["id"],
        "commit_sha": oid,
        "status": "succeeded",
        "steps": [_step(run_id, name, oid, stamp) for name in STEPS],
        "created_at": stamp,
        "updated_at": stamp,
        "completed_at": stamp,
    }
    records(call, RUNS)[run_id] = run
    record_provenance(call, repo, "automation", oid, run_id)
    call.resource_id = run_id
    return ok(_run_view(run), 201)


def _run(call: Call) -> JSON:
    repo = find_repository(call)
    ident = call.params["run_id"]
    run = records(call, RUNS).get(ident)
    if run is None or run["repository_id"] != repo["id"]:
        raise not_found("automation run", ident)
    return run


async def list_runs(call: Call) -> Response:
    """``GET .../automation-runs?limit=``: the latest runs, newest first."""
    repo = find_repository(call)
    limit = int_param(call.query, "limit", 100, 1, 1000)
    mine = [r for r in records(call, RUNS).values() if r["repository_id"] == repo["id"]]
    return ok([_run_view(r) for r in reversed(mine)][:limit])


async def get_run(call: Call) -> Response:
    """``GET .../automation-runs/{run_id}``."""
    return ok(_run_view(_run(call)))


async def receipt(call: Call) -> Response:
    """``GET .../automation-runs/{run_id}/steps/{step_id}/receipt``."""
    ident = call.params["step_id"]
    for step in _run(call)["steps"]:
        if step["id"] == ident:
            return ok(step["_receipt"])
    raise not_found("automation step", ident)


# -- project links ------------------------------------------------------------------


async def _link_fields(call: Call) -> JSON:
    given: JSON = {
        name: await call.optional(name, str)
        for name in ("branch", "root_directory", "build_command", "environment")
    }
    given["auto_deploy"] = await call.optional("auto_deploy", bool)
    given["path_filter"] = await call.optional("path_filter", list, items=str)
    return {k: v for k, v in given.items() if v is not None}


async def create_link(call: Call) -> Response:
    """``POST .../project-link``: 409 when the project is linked already."""
    repo = find_repository(call)
    project_id = await call.require("project_id", str)
    given = await _link_fields(call)
    links = repo.setdefault("_links", {})
    if project_id in links:
        raise ApiError(409, "CONFLICT", f"project {project_id!r} is linked already")
    stamp = iso(now())
    link: JSON = {
        "repository_id": repo["id"],
        "project_id": project_id,
        "branch": repo["default_branch"],
        "root_directory": "/",
        "build_command": None,
        "environment": "production",
        "auto_deploy": True,
        "path_filter": [],
        **given,
        "created_at": stamp,
        "updated_at": stamp,
    }
    links[project_id] = link
    if project_id not in repo["project_ids"]:
        repo["project_ids"].append(project_id)
    call.resource_id = project_id
    return ok(link, 201)


def _link(call: Call) -> tuple[JSON, JSON]:
    repo = find_repository(call)
    ident = call.params["project_id"]
    link = repo.get("_links", {}).get(ident)
    if link is None:
        raise not_found("project link", ident)
    return repo, link


async def update_link(call: Call) -> Response:
    """``PATCH .../project-link/{project_id}``: only the fields given change."""
    _, link = _link(call)
    link.update(await _link_fields(call))
    link["updated_at"] = iso(now())
    return ok(link)


async def delete_link(call: Call) -> Response:
    """``DELETE .../project-link/{project_id}``: answers the link removed."""
    repo, link = _link(call)
    del repo["_links"][link["project_id"]]
    if link["project_id"] in repo["project_ids"]:
        repo["project_ids"].remove(link["project_id"])
    return ok(link)


def endpoints() -> list[Endpoint]:
    run = _REPO + "/automation-runs/{run_id}"
    attestation = _REPO + "/attestations/{attestation_id}"
    link = _REPO + "/project-link/{project_id}"
    return [
        Endpoint("GET", _REPO + "/attestations", list_attestations),
        Endpoint("POST", _REPO + "/attestations", create_attestation, "forge.attestation.create"),
        Endpoint("GET", attestation, get_attestation),
        Endpoint("GET", attestation + "/verification", verify_attestation),
        Endpoint("GET", _REPO + "/automation-runs", list_runs),
        Endpoint("POST", _REPO + "/automation-runs", create_run, "forge.automation_run.create"),
        Endpoint("GET", run, get_run),
        Endpoint("GET", run + "/steps/{step_id}/receipt", receipt),
        Endpoint("POST", _REPO + "/project-link", create_link, "forge.project_link.create"),
        Endpoint("PATCH", link, update_link, "forge.project_link.update"),
        Endpoint("DELETE", link, delete_link, "forge.project_link.delete"),
    ]
