"""Services: the wire of every call, waits and build-log polling, server errors, and a
round trip on the local server."""

from __future__ import annotations

import httpx
import pytest

from miosa import (
    AsyncMiosa,
    ConflictError,
    NotFoundError,
    ResourceFailedError,
    WaitTimeoutError,
)
from miosa.local import LocalServer
from miosa.types import (
    BuildLogPage,
    EffectiveVariables,
    LogDrain,
    LogDrainTest,
    PreviewSettings,
    PublicAddress,
    ReleaseEvent,
    ReleaseState,
    RevealedVariable,
    Service,
    ServiceConnection,
    ServiceDomain,
    ServiceDomains,
    ServiceKind,
    ServiceMetrics,
    ServiceProtection,
    ServiceRelease,
    ServiceRun,
    ServiceStopResult,
    ServiceVariable,
    ServiceWaf,
    ShareLink,
    SourceUpload,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

S = "/services/svc_1"
N = "/projects/prj_1/services/svc_1"
D = "/projects/prj_1/environments/env_1/log-drains"
R = "/service-deployments/rel_1"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
IDEM = ("idempotency-key",)

CASES = [
    Case(call="services.list", args=("prj_1",), kwargs={"environment": "staging"},
         method="GET", path="/projects/prj_1/services", query={"env": "staging"},
         reply={"data": {"items": [{"id": "x_1"}, {"id": "x_2"}]}}, result=Service, many=True,
         result_ids=TWO),
    Case(call="services.get", args=("svc_1",), method="GET", path=S,
         reply={"data": {"id": "x_1", "kind": "server", "pending_changes": {
             "needs": "redeploy", "variables": ["A"], "because": "own"}}},
         check=lambda r: isinstance(r, Service) and r.kind is ServiceKind.SERVER
         and r.pending_changes is not None and r.pending_changes.variables == ("A",)),
    Case(call="services.create", args=("prj_1", "API"),
         kwargs={"type": "web", "source": {"type": "git", "ref": "https://g/a"},
                 "settings": {"replicas": 2}, "shape": "dedicated-2", "environment": "qa",
                 "idempotency_key": "idem-s"},
         method="POST", path="/projects/prj_1/services", query={"env": "qa"},
         body={"name": "API", "kind": "server", "source": {"type": "git", "ref": "https://g/a"},
               "settings": {"replicas": 2, "shape": "dedicated-2"}},
         headers={"idempotency-key": "idem-s"}, status=201, result=Service),
    Case(call="services.create", args=("prj_1", "jobs"), kwargs={"type": "private",
         "kind": "worker"}, method="POST", path="/projects/prj_1/services",
         body={"name": "jobs", "kind": "worker"}, header_names=IDEM, status=201, result=Service,
         name="kind wins over type"),
    Case(call="services.create", args=("prj_1", "site"), method="POST",
         path="/projects/prj_1/services", body={"name": "site", "kind": "server"},
         header_names=IDEM, status=201, result=Service, name="a web service by default"),
    Case(call="services.update", args=("svc_1",),
         kwargs={"settings": {"region": None}, "lock_version": 3}, method="PATCH", path=S,
         body={"settings": {"region": None}, "lock_version": 3}, result=Service),
    Case(call="services.update", args=("svc_1",), kwargs={"shape": "dedicated-4"},
         method="PATCH", path=S, body={"settings": {"shape": "dedicated-4"}}, result=Service,
         name="shape alone"),
    Case(call="services.delete", args=("svc_1",), method="DELETE", path=S, reply=None,
         status=204),
    Case(call="services.restart", args=("svc_1",), kwargs={"idempotency_key": "k1"},
         method="POST", path=S + "/restart", headers={"idempotency-key": "k1"},
         result=ServiceRelease),
    Case(call="services.start", args=("svc_1",), method="POST", path=S + "/start",
         header_names=IDEM, result=ServiceRelease),
    Case(call="services.stop", args=("svc_1",), method="POST", path=S + "/stop",
         reply={"data": {"stopped": 2}},
         check=lambda r: isinstance(r, ServiceStopResult) and r.stopped == 2),
    Case(call="services.scale", args=("svc_1",), kwargs={"replicas": 3, "region": "fra"},
         method="POST", path=S + "/scale", body={"replicas": 3, "region": "fra"},
         header_names=IDEM, result=ServiceRelease),
    Case(call="services.redeploy", args=("svc_1",), method="POST", path=S + "/redeploy",
         header_names=IDEM, result=ServiceRelease),
    Case(call="services.deploy", args=("svc_1",), kwargs={"message": "ship"}, method="POST",
         path=S + "/deployments", body={"message": "ship"}, header_names=IDEM,
         reply={"data": {"id": "x_1", "state": "queued", "number": 4}},
         check=lambda r: isinstance(r, ServiceRelease) and r.state is ReleaseState.QUEUED
         and r.number == 4),
    Case(call="services.releases", args=("svc_1",), method="GET", path=S + "/deployments",
         reply=LIST, result=ServiceRelease, many=True, result_ids=TWO),
    Case(call="services.release", args=("svc_1", "rel_1"), method="GET",
         path=S + "/deployments/rel_1", result=ServiceRelease),
    Case(call="services.events", args=("svc_1", "rel_1"), method="GET",
         path=S + "/deployments/rel_1/events", reply=LIST, result=ReleaseEvent, many=True,
         result_ids=TWO),
    Case(call="services.rollback", args=("rel_1",), method="POST", path=R + "/rollback",
         header_names=IDEM, result=ServiceRelease),
    Case(call="services.redeploy_release", args=("rel_1",), method="POST",
         path=R + "/redeploy", header_names=IDEM, result=ServiceRelease),
    Case(call="services.cancel_release", args=("rel_1",), method="POST", path=R + "/cancel",
         result=ServiceRelease),
    Case(call="services.remove_release", args=("rel_1",), method="DELETE", path=R,
         reply=None, status=204),
    Case(call="services.variables", args=("svc_1",), method="GET", path=S + "/variables",
         reply=LIST, result=ServiceVariable, many=True, result_ids=TWO),
    Case(call="services.set_variables", args=("svc_1", {"DB": "${{Postgres.DATABASE_URL}}"}),
         method="PUT", path=S + "/variables",
         body={"variables": {"DB": "${{Postgres.DATABASE_URL}}"}}, reply=LIST,
         result=ServiceVariable, many=True, result_ids=TWO),
    Case(call="services.delete_variables", args=("svc_1", ["A", "B/C"]), method="DELETE",
         path=S + "/variables/A,B%2FC", reply=None, status=204),
    Case(call="services.delete_variables", args=("svc_1", "ONE"), method="DELETE",
         path=S + "/variables/ONE", reply=None, status=204, name="one name as a string"),
    Case(call="services.effective_variables", args=("svc_1",), method="GET",
         path=S + "/variables/effective",
         reply={"data": {"service_id": "x_1", "variables": [{"name": "A", "preview": "a***"}]}},
         check=lambda r: isinstance(r, EffectiveVariables) and r.variables[0].name == "A"),
    Case(call="services.reveal_variable", args=("svc_1", "A"), method="GET",
         path=S + "/variables/A/reveal", reply={"data": {"name": "A", "value": "secret"}},
         check=lambda r: isinstance(r, RevealedVariable) and r.value == "secret"),
    Case(call="services.build_logs", args=("svc_1",), kwargs={"tail": 50}, method="GET",
         path=S + "/builds/latest/logs", query={"tail": "50"},
         reply={"data": {"lines": ["a", "b"], "offset": 2, "complete": False,
                         "build": {"source_commit": "abc", "duration_ms": None}}},
         check=lambda r: isinstance(r, BuildLogPage) and r.text == "a\nb" and r.offset == 2
         and r.build is not None and r.build.source_commit == "abc"),
    Case(call="services.build_logs", args=("svc_1", "bld_1"), kwargs={"tail": 5, "after": 9},
         method="GET", path=S + "/builds/bld_1/logs", query={"after": "9"},
         result=BuildLogPage, name="after wins over tail"),
    Case(call="services.domains", args=("prj_1", "svc_1"), method="GET", path=N + "/domains",
         reply={"data": [{"id": "d_1", "fqdn": "a.com"}], "preview": {"url": "https://p"}},
         check=lambda r: isinstance(r, ServiceDomains) and r.domains[0].fqdn == "a.com"
         and r.preview == {"url": "https://p"}),
    Case(call="services.add_domain", args=("prj_1", "svc_1", "a.com"),
         kwargs={"redirect_policy": "www"}, method="POST", path=N + "/domains",
         body={"fqdn": "a.com", "redirect_policy": "www"}, header_names=IDEM, status=201,
         result=ServiceDomain),
    Case(call="services.verify_domain", args=("prj_1", "svc_1", "d_1"), method="POST",
         path=N + "/domains/d_1/verify", body={}, result=ServiceDomain),
    Case(call="services.remove_domain", args=("prj_1", "svc_1", "d_1"), method="DELETE",
         path=N + "/domains/d_1", reply=None, status=204),
    Case(call="services.enable_public_address", args=("svc_1",), kwargs={"label": "api"},
         method="PUT", path=S + "/public-address", body={"label": "api"}, result=PublicAddress),
    Case(call="services.disable_public_address", args=("svc_1",), method="DELETE",
         path=S + "/public-address", result=PublicAddress),
    Case(call="services.disable_public_address", args=("svc_1",), method="DELETE",
         path=S + "/public-address", reply=None, status=204,
         check=lambda r: isinstance(r, PublicAddress) and r.url is None,
         name="an empty reply"),
    Case(call="services.connection", args=("svc_1",), method="GET", path=S + "/connection",
         result=ServiceConnection),
    Case(call="services.runs", args=("svc_1",), method="GET", path=S + "/runs", reply=LIST,
         result=ServiceRun, many=True, result_ids=TWO),
    Case(call="services.setting_capabilities", args=("prj_1",), method="GET",
         path="/projects/prj_1/services/setting-capabilities",
         reply={"data": {"replicas": {"status": "enforced"}, "junk": 1}},
         check=lambda r: r == {"replicas": {"status": "enforced"}}),
    Case(call="services.create_source_upload",
         kwargs={"filename": "src.tgz", "size": 10, "sha256": "ab"}, method="POST",
         path="/uploads", body={"filename": "src.tgz", "size": 10, "sha256": "ab"},
         header_names=IDEM, status=201, result=SourceUpload),
    Case(call="services.metrics", args=("prj_1", "svc_1"), kwargs={"range": "24h"},
         method="GET", path=N + "/metrics/series", query={"range": "24h"},
         reply={"data": {"range": "24h", "available": ["requests"], "cpu": None}},
         check=lambda r: isinstance(r, ServiceMetrics) and r.available == ("requests",)
         and r.cpu is None),
    Case(call="services.previews", args=("prj_1",), method="GET", path="/projects/prj_1/previews",
         reply=LIST, result=PreviewSettings, many=True, result_ids=TWO),
    Case(call="services.set_preview_settings", args=("prj_1",),
         kwargs={"repository": "acme/api", "max_open": 3, "extra": {"labels": ["x"]}},
         method="PUT", path="/projects/prj_1/previews",
         body={"repository": "acme/api", "max_open": 3, "labels": ["x"]},
         result=PreviewSettings),
    Case(call="services.delete_preview_settings", args=("prj_1", "prv_1"), method="DELETE",
         path="/projects/prj_1/previews/prv_1", reply=None, status=204),
    Case(call="services.log_drains", args=("prj_1", "env_1"), method="GET", path=D,
         reply=LIST, result=LogDrain, many=True, result_ids=TWO),
    Case(call="services.create_log_drain", args=("prj_1", "env_1"),
         kwargs={"name": "dd", "url": "https://logs", "sources": ("runtime",)}, method="POST",
         path=D, body={"name": "dd", "url": "https://logs", "sources": ["runtime"]},
         header_names=IDEM, status=201, result=LogDrain),
    Case(call="services.update_log_drain", args=("prj_1", "env_1", "drn_1"),
         kwargs={"state": "paused", "rotate_secret": True}, method="PATCH", path=D + "/drn_1",
         body={"state": "paused", "rotate_secret": True}, result=LogDrain),
    Case(call="services.delete_log_drain", args=("prj_1", "env_1", "drn_1"), method="DELETE",
         path=D + "/drn_1", reply=None, status=204),
    Case(call="services.test_log_drain", args=("prj_1", "env_1", "drn_1"), method="POST",
         path=D + "/drn_1/test", body={}, result=LogDrainTest),
    Case(call="services.protection", args=("prj_1", "svc_1"), method="GET",
         path=N + "/protection", result=ServiceProtection),
    Case(call="services.set_protection", args=("prj_1", "svc_1", "hunter22"), method="PUT",
         path=N + "/protection", body={"password": "hunter22"}, reply=None, status=204),
    Case(call="services.remove_protection", args=("prj_1", "svc_1"), method="DELETE",
         path=N + "/protection", reply=None, status=204),
    Case(call="services.share_link", args=("prj_1", "svc_1"), kwargs={"expires_in_s": 60},
         method="POST", path=N + "/share-links", body={"expires_in_s": 60}, header_names=IDEM,
         status=201, result=ShareLink),
    Case(call="services.revoke_share_link", args=("prj_1", "svc_1", "lnk_1"), method="DELETE",
         path=N + "/share-links/lnk_1", reply=None, status=204),
    Case(call="services.waf", args=("prj_1", "svc_1"), method="GET", path=N + "/waf",
         result=ServiceWaf),
    Case(call="services.set_waf", args=("prj_1", "svc_1"),
         kwargs={"rate_limit_per_minute": None, "blocked_ips": ["1.2.3.4"]}, method="PUT",
         path=N + "/waf", body={"rate_limit_per_minute": None, "blocked_ips": ["1.2.3.4"]},
         reply=None, status=204),
    Case(call="services.set_attack_mode", args=("prj_1", "svc_1", True), method="PUT",
         path=N + "/waf", body={"attack_mode": True}, reply=None, status=204),
    Case(call="services.remove_waf", args=("prj_1", "svc_1"), method="DELETE", path=N + "/waf",
         reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_no_variable_names_is_refused_before_any_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(ValueError, match="at least one"):
            await client.services.delete_variables("svc_1", [])
    assert api.requests == []


async def test_a_stale_lock_version_is_a_conflict() -> None:
    error = {"error": {"code": "STALE_SERVICE", "message": "the service changed"}}
    api = MockAPI().on(f"PATCH {S}", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="the service changed") as caught:
            await client.services.update("svc_1", name="x", lock_version=1)
    assert caught.value.code == "STALE_SERVICE"


def _release(state: str, **extra: object) -> httpx.Response:
    return json_response(200, {"data": {"id": "rel_1", "state": state, **extra}})


async def test_wait_for_release_polls_until_live() -> None:
    path = f"GET {S}/deployments/rel_1"
    api = MockAPI().on(path, _release("queued"), _release("building"), _release("active"))
    async with make_client(api) as client:
        release = await client.services.wait_for_release("svc_1", "rel_1", poll_interval=0)
    assert release.state is ReleaseState.ACTIVE and len(api.requests) == 3


async def test_wait_for_release_raises_with_the_failure_reason() -> None:
    reason = {"code": "BUILD_FAILED", "detail": "npm ci exited 1"}
    api = MockAPI().on(f"GET {S}/deployments/rel_1", _release("failed", reason=reason))
    async with make_client(api) as client:
        with pytest.raises(ResourceFailedError, match="BUILD_FAILED npm ci exited 1") as caught:
            await client.services.wait_for_release("svc_1", "rel_1", poll_interval=0)
    assert caught.value.state == "failed"


async def test_wait_for_release_times_out() -> None:
    api = MockAPI().on(f"GET {S}/deployments/rel_1", _release("building"))
    async with make_client(api) as client:
        with pytest.raises(WaitTimeoutError):
            await client.services.wait_for_release(
                "svc_1", "rel_1", timeout=0.05, poll_interval=0.01
            )


async def test_iter_build_logs_continues_from_each_offset_until_complete() -> None:
    def page(lines: list[str], offset: int, complete: bool) -> httpx.Response:
        data = {"lines": lines, "offset": offset, "complete": complete}
        return json_response(200, {"data": data})

    api = MockAPI().on(
        f"GET {S}/builds/latest/logs", page(["a"], 1, False), page(["b", "c"], 3, True)
    )
    async with make_client(api) as client:
        pages = [p async for p in client.services.iter_build_logs("svc_1", poll_interval=0)]
    assert [p.text for p in pages] == ["a", "b\nc"]
    assert [dict(r.url.params) for r in api.requests] == [{}, {"after": "1"}]


async def test_services_round_trip_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            project = await client.projects.create("Shop", workspace_id="ws_1")
            assert project.id is not None
            pid = project.id
            api = await client.services.create(
                pid, "API", type="web", source={"type": "git", "ref": "https://g/api"}
            )
            assert api.id is not None and api.kind == "server"
            sid = api.id
            with pytest.raises(ConflictError):
                await client.services.update(sid, name="x", lock_version=99)
            updated = await client.services.update(
                sid, settings={"replicas": 2}, lock_version=api.lock_version
            )
            await client.services.set_variables(sid, {"TOKEN": "s3cret-value"})
            stale = await client.services.get(sid)
            masked = await client.services.variables(sid)
            revealed = await client.services.reveal_variable(sid, "TOKEN")
            release = await client.services.deploy(sid, message="first")
            assert release.id is not None
            live = await client.services.wait_for_release(sid, release.id, poll_interval=0)
            fresh = await client.services.get(sid)
            pages = [p async for p in client.services.iter_build_logs(sid, poll_interval=0)]
            events = await client.services.events(sid, release.id)
            with pytest.raises(ConflictError):
                await client.services.start(sid)
            stopped = await client.services.stop(sid)
            address = await client.services.enable_public_address(sid, label="shop")
            domain = await client.services.add_domain(pid, sid, "shop.example.com")
            assert domain.id is not None
            verified = await client.services.verify_domain(pid, sid, domain.id)
            domains = await client.services.domains(pid, sid)
            await client.services.set_waf(pid, sid, rate_limit_per_minute=100)
            await client.services.set_attack_mode(pid, sid, True)
            waf = await client.services.waf(pid, sid)
            await client.services.set_protection(pid, sid, "hunter22")
            link = await client.services.share_link(pid, sid, label="review")
            protection = await client.services.protection(pid, sid)
            envs = await client.projects.environments(pid)
            assert envs[0].id is not None
            drain = await client.services.create_log_drain(
                pid, envs[0].id, name="dd", url="https://logs.example.com"
            )
            assert drain.id is not None
            paused = await client.services.update_log_drain(
                pid, envs[0].id, drain.id, state="paused"
            )
            test = await client.services.test_log_drain(pid, envs[0].id, drain.id)
            failing = await client.services.deploy(sid, source={"type": "git", "ref": "fail"})
            assert failing.id is not None
            with pytest.raises(ResourceFailedError, match="BUILD_FAILED"):
                await client.services.wait_for_release(sid, failing.id, poll_interval=0)
            await client.services.remove_release(failing.id)
            releases = await client.services.releases(sid)
            await client.services.delete(sid)
            with pytest.raises(NotFoundError):
                await client.services.get(sid)
    assert updated.settings == {"replicas": 2} and updated.lock_version == 2
    assert stale.pending_changes is not None and stale.pending_changes.needs == "redeploy"
    assert [(v.name, v.preview) for v in masked] == [("TOKEN", "s3***")]
    assert revealed.value == "s3cret-value"
    assert live.state is ReleaseState.ACTIVE and fresh.pending_changes is None
    assert pages[-1].complete is True and pages[-1].build is not None
    assert [e.state for e in events] == ["queued", "building", "active"]
    assert stopped.stopped == 1 and address.url == "https://shop.local.miosa.app"
    assert verified.status == "verified" and [d.fqdn for d in domains.domains] == [
        "shop.example.com"
    ]
    assert (waf.rate_limit_per_minute, waf.attack_mode) == (100, True)
    assert link.token is not None and link.token.startswith("msl_")
    assert protection.enabled is True and "token" not in protection.share_links[0]
    assert drain.secret is not None and paused.secret is None and paused.state == "paused"
    assert test.ok is False
    assert [r.id for r in releases] == [release.id]
