# This file was generated from
#   tests/_async/test_templates.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for ``client.sandbox_templates`` (tenant templates and builds) and
``client.templates`` (the product catalog)."""

from __future__ import annotations

from miosa.types.sandbox_templates import (
    BuildSpecValidation,
    CatalogTemplate,
    SandboxTemplate,
    SandboxTemplateBuild,
    TemplateBuildState,
)
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

TEMPLATE = {"id": "tpl_1", "name": "py", "built_in": False, "status": "ready", "preview_port": 8000}
BUILD = {
    "id": "bld_1",
    "sandbox_template_id": "tpl_1",
    "state": "building",
    "source_type": "build_spec",
}


def test_list_get_and_create() -> None:
    api = (
        MockAPI()
        .on(
            "GET /sandbox-templates",
            json_response(200, {"data": [TEMPLATE], "default_template_id": "miosa-sandbox"}),
        )
        .on("GET /sandbox-templates/miosa-sandbox", json_response(200, {"data": TEMPLATE}))
        .on("POST /sandbox-templates", json_response(201, {"data": TEMPLATE}))
    )
    with make_client(api) as client:
        templates = client.sandbox_templates
        listed = templates.list()
        templates.list(include_aliases=True)
        templates.list(include_aliases=False)
        got = templates.get("miosa-sandbox")
        created = templates.create(
            name="py",
            description="Python",
            build_spec={"from": "python:3.12", "memory_mib": 2048, "startCmd": "python app.py"},
            metadata={"team": "a"},
            idempotency_key="tpl-key",
        )
        templates.create(name="bare")
    assert [dict(r.url.params) for r in api.requests[:3]] == [{}, {"include_aliases": "true"}, {}]
    assert listed == [
        SandboxTemplate(id="tpl_1", name="py", built_in=False, status="ready", preview_port=8000)
    ]
    assert got.id == "tpl_1"
    assert api.body(4) == {
        "name": "py",
        "description": "Python",
        "build_spec": {"from": "python:3.12", "memoryMib": 2048, "startCmd": "python app.py"},
        "metadata": {"team": "a"},
    }
    assert api.requests[4].headers["idempotency-key"] == "tpl-key"
    assert api.body(5) == {"name": "bare"}
    assert "idempotency-key" in api.requests[5].headers
    assert created.preview_port == 8000


def test_build_spec_schema_and_validate() -> None:
    schema = {"version": "1", "type": "object", "properties": {"from": {"type": "string"}}}
    api = (
        MockAPI()
        .on("GET /sandbox-templates/build-spec", json_response(200, schema))
        .on(
            "POST /sandbox-templates/validate",
            json_response(
                200,
                {
                    "data": {
                        "valid": False,
                        "errors": [{"code": "REQUIRED", "field": "from", "message": "missing"}],
                    }
                },
            ),
        )
    )
    with make_client(api) as client:
        got = client.sandbox_templates.build_spec_schema()
        checked = client.sandbox_templates.validate({"disk_mib": 100, "steps": []})
    assert got == schema
    assert api.body() == {"build_spec": {"diskMib": 100, "steps": []}}
    assert isinstance(checked, BuildSpecValidation) and checked.valid is False
    assert checked.errors[0].field == "from"


def test_builds() -> None:
    api = (
        MockAPI()
        .on("GET /sandbox-templates/tpl_1/builds", json_response(200, {"builds": [BUILD]}))
        .on("POST /sandbox-templates/tpl_1/builds", json_response(201, {"data": BUILD}))
        .on(
            "GET /sandbox-template-builds/bld_1",
            json_response(200, {"data": {**BUILD, "state": "ready", "duration_ms": 1200}}),
        )
    )
    with make_client(api) as client:
        templates = client.sandbox_templates
        builds = templates.list_builds("tpl_1")
        started = templates.create_build("tpl_1", build_spec={"from": "node:22"})
        templates.create_build("tpl_1")
        done = templates.get_build("bld_1")
    assert api.body(1) == {"build_spec": {"from": "node:22"}}
    assert api.body(2) == {}
    assert [b.id for b in builds] == ["bld_1"]
    assert isinstance(started, SandboxTemplateBuild)
    assert started.state is TemplateBuildState.BUILDING and not started.is_finished
    assert done.state == "ready" and done.is_finished and done.duration_ms == 1200


def test_the_product_catalog() -> None:
    catalog = {
        "templates": [
            {"id": "miosa-sandbox", "product": "sandbox", "aliases": ["default"]},
            {
                "id": "miosa-desktop",
                "product": "computer",
                "sizes": [{"size": "small", "state": "ready"}],
            },
        ],
        "products": ["sandbox", "computer"],
        "rules": {"x": 1},
    }
    api = MockAPI().on("GET /templates", json_response(200, {"data": catalog}))
    with make_client(api) as client:
        got = client.templates.list()
    assert isinstance(got, list) and all(isinstance(t, CatalogTemplate) for t in got)
    assert [t.id for t in got] == ["miosa-sandbox", "miosa-desktop"]
    assert got[0].aliases == ("default",) and got[1].product == "computer"
    assert got[1].sizes[0].state == "ready"


def test_the_product_catalog_bare_or_without_templates() -> None:
    api = (
        MockAPI()
        .on("GET /templates", json_response(200, {"templates": [{"id": "miosa-sandbox"}]}))
        .on("GET /templates", json_response(200, {"data": {"products": ["sandbox"]}}))
    )
    with make_client(api) as client:
        bare = client.templates.list()
        empty = client.templates.list()
    assert [t.id for t in bare] == ["miosa-sandbox"]
    assert empty == []
