# This file was generated from
#   tests/_async/test_environments.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Machine environments, the deployment environment inventory and project auth: the wire,
server errors, and round trips on the local server."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    DeploymentEnvironment,
    EffectiveEnvironment,
    EnvironmentBilling,
    EnvironmentUpgrade,
    EnvironmentVersion,
    MachineEnvironment,
    MachineEnvironmentList,
    ProjectAuthStatus,
    RevealedEnvironmentVariable,
    RevealedSecretFile,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

E = "/environments/dev%20box"
WS = {"workspace_id": "ws_1"}
ENV = {"environment": {"id": "x_1", "variables": {"A": "a***"}, "secret_files": []}}
TWO = ("x_1", "x_2")


def _is_env(result: object) -> bool:
    return isinstance(result, MachineEnvironment) and result.id == "x_1"


CASES = [
    Case(call="environments.list", kwargs={"workspace_id": "ws_1", "include_deleted": True},
         method="GET", path="/environments", query={"workspace_id": "ws_1",
                                                    "include_deleted": "true"},
         reply={"environments": [{"id": "e_1", "variables": [{"name": "A", "preview": "a***"}]}],
                "default_environment_id": "e_1", "billing": {"account_id": "acct_1"},
                "data": [{"id": "legacy"}]},
         check=lambda r: isinstance(r, MachineEnvironmentList)
         and r.environments[0].variables[0].name == "A" and r.default_environment_id == "e_1"
         and r.billing is not None and r.billing.account_id == "acct_1"),
    Case(call="environments.get", args=("dev box",), kwargs=WS, method="GET", path=E,
         query=WS, reply=ENV,
         check=lambda r: isinstance(r, MachineEnvironment)
         and [(v.name, v.preview) for v in r.variables] == [("A", "a***")]),
    Case(call="environments.create", args=("dev box",),
         kwargs={"workspace_id": "ws_1", "variables": {"A": "1"}, "pass_github": True,
                 "repositories": [{"repo": "acme/api"}], "idempotency_key": "idem-e"},
         method="POST", path="/environments",
         body={"name": "dev box", "workspace_id": "ws_1", "variables": {"A": "1"},
               "pass_github": True, "repositories": [{"repo": "acme/api"}]},
         headers={"idempotency-key": "idem-e"}, reply=ENV, status=201, check=_is_env),
    Case(call="environments.update", args=("dev box",),
         kwargs={"variables_set": {"B": "2"}, "variables_unset": ["A"], "workspace_id": "ws_1"},
         method="PATCH", path=E,
         body={"variables_set": {"B": "2"}, "variables_unset": ["A"], "workspace_id": "ws_1"},
         reply=ENV, check=_is_env),
    Case(call="environments.delete", args=("dev box",), kwargs=WS, method="DELETE", path=E,
         query=WS, reply=None, status=204),
    Case(call="environments.rename", args=("dev box", "dev"), method="POST",
         path=E + "/rename", body={"name": "dev"}, reply=ENV, check=_is_env),
    Case(call="environments.make_default", args=("dev box",), kwargs=WS, method="POST",
         path=E + "/default", body=WS, reply=ENV, check=_is_env),
    Case(call="environments.inherit_default", kwargs=WS, method="DELETE",
         path="/environments/default", query=WS, reply=None, status=204),
    Case(call="environments.billing", method="GET", path="/environments/billing",
         reply={"billing": {"account_id": "acct_1", "name": "Acme"}},
         check=lambda r: isinstance(r, EnvironmentBilling) and r.name == "Acme"),
    Case(call="environments.versions", args=("dev box",), method="GET", path=E + "/versions",
         reply={"versions": [{"id": "x_1", "version": 2}, {"id": "x_2", "version": 1}]},
         result=EnvironmentVersion, many=True, result_ids=TWO),
    Case(call="environments.upgrade", args=("dev box",), kwargs={"machine_ids": ("sbx_1",)},
         method="POST", path=E + "/upgrade", body={"machine_ids": ["sbx_1"]},
         reply={"version": 3, "upgraded": ["sbx_1"]},
         check=lambda r: isinstance(r, EnvironmentUpgrade) and r.upgraded == ("sbx_1",)),
    Case(call="environments.effective", args=("dev box",), kwargs={"agent_id": "agt_1"},
         method="GET", path=E + "/effective", query={"agent_id": "agt_1"},
         reply={"effective": {"version": 3, "variables": {"A": "a***"}}},
         check=lambda r: isinstance(r, EffectiveEnvironment) and r.version == 3
         and r.variables[0].preview == "a***"),
    Case(call="environments.set_variable", args=("dev box", "A/B", "1"), method="PUT",
         path=E + "/variables/A%2FB", body={"value": "1"}, reply=ENV, check=_is_env),
    Case(call="environments.remove_variable", args=("dev box", "A"), kwargs=WS,
         method="DELETE", path=E + "/variables/A", query=WS, reply=ENV, check=_is_env),
    Case(call="environments.reveal_variable", args=("dev box", "A"), method="GET",
         path=E + "/variables/A/reveal", reply={"name": "A", "value": "1"},
         check=lambda r: isinstance(r, RevealedEnvironmentVariable) and r.value == "1"),
    Case(call="environments.set_file", args=("dev box", "/root/.npmrc", "token=1"),
         method="PUT", path=E + "/files", body={"path": "/root/.npmrc", "contents": "token=1"},
         reply=ENV, check=_is_env),
    Case(call="environments.remove_file", args=("dev box", "/root/.npmrc"), method="DELETE",
         path=E + "/files", query={"path": "/root/.npmrc"}, reply=ENV, check=_is_env),
    Case(call="environments.reveal_file", args=("dev box", "/root/.npmrc"), method="GET",
         path=E + "/files/reveal", query={"path": "/root/.npmrc"},
         reply={"path": "/root/.npmrc", "contents": "token=1"},
         check=lambda r: isinstance(r, RevealedSecretFile) and r.contents == "token=1"),
    Case(call="environments.add_repository", args=("dev box", "acme/api"),
         kwargs={"base_branch": "main", "setup_blocking": True}, method="POST",
         path=E + "/repositories",
         body={"repo": "acme/api", "base_branch": "main", "setup_blocking": True}, reply=ENV,
         check=_is_env),
    Case(call="environments.remove_repository", args=("dev box", "acme/api"),
         kwargs={"source": "github"}, method="DELETE", path=E + "/repositories",
         query={"repo": "acme/api", "source": "github"}, reply=ENV, check=_is_env),
    Case(call="deployment_environments.list", kwargs={"extra": {"project_id": "prj_1"}},
         method="GET", path="/deployment-environments", query={"project_id": "prj_1"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=DeploymentEnvironment,
         many=True, result_ids=TWO),
    Case(call="project_auth.status", args=("sandbox", "sbx_1"), method="GET",
         path="/project-auth/status", query={"resource_type": "sandbox", "resource_id": "sbx_1"},
         reply={"project_auth": {"id": "x_1", "enabled": True}}, result=ProjectAuthStatus),
    Case(call="project_auth.enable", args=("deployment", "dep_1"),
         kwargs={"config": {"providers": ["google"]}, "overrides": {"allow_signup": False}},
         method="POST", path="/project-auth/enable",
         body={"resource_type": "deployment", "resource_id": "dep_1",
               "config": {"providers": ["google"], "allow_signup": False}},
         result=ProjectAuthStatus),
    Case(call="project_auth.disable", args=("sandbox", "sbx_1"), method="POST",
         path="/project-auth/disable", body={"resource_type": "sandbox", "resource_id": "sbx_1"},
         result=ProjectAuthStatus),
    Case(call="project_auth.update", args=("sandbox", "sbx_1"),
         kwargs={"overrides": {"session_days": 7}}, method="PATCH",
         path="/project-auth/config",
         body={"resource_type": "sandbox", "resource_id": "sbx_1",
               "config": {"session_days": 7}}, result=ProjectAuthStatus),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_project_auth_needs_both_parts_of_the_target() -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError, match="resource_type and resource_id"):
            client.project_auth.status("sandbox", "")
    assert api.requests == []


def test_a_taken_name_is_a_conflict() -> None:
    error = {"error": {"code": "ENVIRONMENT_NAME_TAKEN", "message": "name taken"}}
    api = MockAPI().on("POST /environments", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError) as caught:
            client.environments.create("dev")
    assert caught.value.code == "ENVIRONMENT_NAME_TAKEN"


def test_environments_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            base = client.environments.create("base", variables={"TOKEN": "s3cret-1"})
            dev = client.environments.create(
                "dev", workspace_id="ws_1", plain_variables=["STAGE"],
                variables={"STAGE": "dev"}, repositories=[{"repo": "acme/api"}],
            )  # fmt: skip
            assert dev.id is not None and base.id is not None
            with pytest.raises(ConflictError):
                client.environments.create("dev", workspace_id="ws_1")
            after_set = client.environments.set_variable(
                "dev", "API_KEY", "abcdef", workspace_id="ws_1"
            )
            # A masked preview sent back keeps the stored value.
            kept = client.environments.update(
                dev.id, workspace_id="ws_1", variables={"STAGE": "dev", "API_KEY": "ab***"}
            )
            revealed = client.environments.reveal_variable("dev", "API_KEY", workspace_id="ws_1")
            client.environments.set_file(dev.id, "/etc/app.env", "X=1", workspace_id="ws_1")
            secret = client.environments.reveal_file(dev.id, "/etc/app.env", workspace_id="ws_1")
            repo = client.environments.add_repository(
                dev.id, "acme/web", base_branch="main", workspace_id="ws_1"
            )
            without = client.environments.remove_repository(dev.id, "acme/api", workspace_id="ws_1")
            renamed = client.environments.rename(dev.id, "devbox", workspace_id="ws_1")
            versions = client.environments.versions("devbox", workspace_id="ws_1")
            listed = client.environments.list()
            effective = client.environments.effective(base.id)
            with pytest.raises(ConflictError):
                client.environments.delete(base.id)
            with pytest.raises(ValidationError):
                client.environments.inherit_default()
            client.environments.delete("devbox", workspace_id="ws_1")
            with pytest.raises(NotFoundError):
                client.environments.get("devbox", workspace_id="ws_1")
            auth = client.project_auth.enable("sandbox", "sbx_1", config={"providers": ["email"]})
            changed = client.project_auth.update("sandbox", "sbx_1", overrides={"session_days": 7})
            off = client.project_auth.disable("sandbox", "sbx_1")
            status = client.project_auth.status("sandbox", "sbx_1")
    assert [(v.name, v.preview, v.plain) for v in dev.variables] == [("STAGE", "dev", True)]
    assert "API_KEY" in [v.name for v in after_set.variables]
    assert kept.version == 3 and revealed.value == "abcdef" and secret.contents == "X=1"
    assert [r.repo for r in repo.repositories] == ["acme/api", "acme/web"]
    assert [r.repo for r in without.repositories] == ["acme/web"]
    assert renamed.name == "devbox" and renamed.version == without.version
    assert [v.version for v in versions] == [6, 5, 4, 3, 2, 1]
    assert [e.name for e in listed.environments] == ["base"] and listed.environments[0].is_default
    assert listed.default_environment_id == base.id
    assert effective.variables[0].preview == "s3***"
    assert auth.enabled is True and changed.config == {"providers": ["email"], "session_days": 7}
    assert (off.enabled, status.enabled) == (False, False)
