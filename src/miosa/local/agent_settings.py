"""Agent settings: harnesses, the credentials they sign in with, models and defaults.

Credentials and harness settings are held per scope: the organization, a workspace
(``workspace_id``) or a platform's end user (``external_user_id``). A read resolves each
credential from the narrowest scope that holds it (end user, then workspace, then the
organization); a write or a delete acts on exactly one scope. No secret is ever returned:
a key shows as a ``preview`` of its first 6 and last 4 characters. A harness is ``ready``
when a credential it accepts is connected and allowed (``usable_by``) for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, now
from .fields import optional
from .http import ApiError, bad_request, json_response, not_found, ok
from .routing import Call, Endpoint

ORG = "org"
# Credential id -> (label, kind, form fields).
CREDENTIALS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "anthropic": ("Anthropic API key", "api_key", ("api_key",)),
    "openai": ("OpenAI API key", "api_key", ("api_key",)),
    "openrouter": ("OpenRouter API key", "api_key", ("api_key",)),
    "bedrock": (
        "Amazon Bedrock",
        "fields",
        ("aws_access_key_id", "aws_secret_access_key", "aws_region"),
    ),
    "claude_subscription": ("Claude plan", "subscription", ()),
    "chatgpt_subscription": ("ChatGPT plan", "subscription", ()),
    "kimi_subscription": ("Kimi plan", "subscription", ()),
    "mistral_subscription": ("Mistral plan", "subscription", ()),
}


@dataclass(frozen=True)
class Harness:
    id: str
    label: str
    kind: str  # "single": one auth method; "multi": a primary and a backup provider
    auth: tuple[str, ...]
    models: tuple[str, ...]


HARNESSES = (
    Harness(
        "claude-code",
        "Claude Code",
        "single",
        ("anthropic", "claude_subscription", "bedrock"),
        ("claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"),
    ),
    Harness(
        "codex", "Codex", "single", ("openai", "chatgpt_subscription"), ("gpt-5", "gpt-5-mini")
    ),
    Harness(
        "opencode",
        "OpenCode",
        "multi",
        ("anthropic", "openai", "openrouter"),
        ("claude-sonnet-4-5", "gpt-5", "openrouter/auto"),
    ),
)
EFFORTS = ("low", "medium", "high")
TEMPLATES = (
    {"id": "tpl_code_review", "name": "Code reviewer", "harness": "claude-code",
     "description": "Reviews a pull request and comments on it.",
     "configuration": {"harness": "claude-code", "instructions": "Review the change."}},
    {"id": "tpl_bug_fixer", "name": "Bug fixer", "harness": "codex",
     "description": "Reproduces a bug, fixes it and runs the tests.",
     "configuration": {"harness": "codex", "instructions": "Fix the failing test."}},
)  # fmt: skip


def harness(ident: str) -> Harness:
    found = next((h for h in HARNESSES if h.id == ident), None)
    if found is None:
        raise not_found("harness", ident)
    return found


@dataclass(frozen=True)
class Scope:
    """Where a read looks (``chain``, narrowest first) and where a write lands (``chain[0]``)."""

    level: str
    workspace_id: str | None
    external_user_id: str | None

    @property
    def chain(self) -> tuple[str, ...]:
        keys = []
        if self.external_user_id:
            keys.append(f"external_user:{self.external_user_id}")
        if self.workspace_id:
            keys.append(f"workspace:{self.workspace_id}")
        return (*keys, ORG)

    def view(self) -> JSON:
        return {
            "level": self.level,
            "workspace_id": self.workspace_id,
            "external_user_id": self.external_user_id,
        }


def scope_of(source: Any) -> Scope:
    """The scope named by a query or a body (``scope`` may only narrow what the ids say)."""
    workspace = source.get("workspace_id") or None
    user = source.get("external_user_id") or None
    level = "external_user" if user else "workspace" if workspace else "organization"
    wanted = source.get("scope")
    if wanted and wanted != level:
        if wanted not in ("organization", "workspace", "external_user"):
            raise bad_request("scope must be organization, workspace or external_user")
        if wanted == "organization":
            return Scope("organization", None, None)
        if wanted == "workspace" and workspace:
            return Scope("workspace", workspace, None)
        raise bad_request(f"scope {wanted} needs its id", field="scope")
    return Scope(level, workspace, user)


def _table(call: Call, name: str) -> dict[str, JSON]:
    return call.store.records.setdefault(f"agent-settings:{name}", {})


def held(call: Call, scope_key: str, credential: str) -> JSON | None:
    """The credential stored at exactly this scope key, if any."""
    return _table(call, "credentials").get(f"{scope_key}|{credential}")


def store_credential(call: Call, scope: Scope, credential: str, value: JSON) -> None:
    _table(call, "credentials")[f"{scope.chain[0]}|{credential}"] = value


def credential_view(call: Call, scope: Scope, credential: str) -> JSON:
    """The credential as it reads at `scope`: the narrowest scope holding it wins."""
    label, kind, fields = CREDENTIALS[credential]
    view: JSON = {
        "id": credential,
        "label": label,
        "kind": kind,
        "fields": list(fields),
        "connected": False,
        "status": "not_connected",
        "preview": None,
        "scope": None,
        "usable_by": [],
        "account_email": None,
        "account_plan": None,
        "updated_at": None,
    }
    for key in scope.chain:
        found = held(call, key, credential)
        if found is not None:
            level = key.split(":", 1)[0] if key != ORG else "organization"
            view.update(found, connected=True, status="connected", scope=level)
            break
    return view


def _connected(call: Call, scope: Scope, credential: str, harness_id: str) -> JSON:
    view = credential_view(call, scope, credential)
    usable = view["connected"] and (not view["usable_by"] or harness_id in view["usable_by"])
    return {**view, "usable": usable}


def _harness_settings(call: Call, scope: Scope, h: Harness) -> JSON:
    settings: JSON = {}
    for key in reversed(scope.chain):  # the organization first, narrower scopes override
        settings.update(_table(call, "harnesses").get(f"{key}|{h.id}", {}))
    return settings


def default_harness(call: Call, scope: Scope) -> str:
    for key in scope.chain:
        star = _table(call, "default").get(key)
        if star:
            return str(star["harness"])
    return HARNESSES[0].id


def harness_view(call: Call, scope: Scope, h: Harness) -> JSON:
    chosen = _harness_settings(call, scope, h)
    options = []
    for credential in h.auth:
        state = _connected(call, scope, credential, h.id)
        label, kind, _ = CREDENTIALS[credential]
        options.append(
            {
                "id": credential,
                "label": label,
                "kind": kind,
                "connected": state["connected"],
                "enabled": state["usable"],
                "scope": state["scope"],
            }
        )
    usable = {o["id"] for o in options if o["enabled"]}
    view: JSON = {
        "id": h.id,
        "label": h.label,
        "kind": h.kind,
        "is_default": default_harness(call, scope) == h.id,
        "default_model": chosen.get("default_model", h.models[0]),
        "default_effort": chosen.get("default_effort", "medium"),
    }
    if h.kind == "single":
        method = chosen.get("auth_method") or next(iter(sorted(usable)), None)
        ready = method in usable
        view.update(auth_method=method, auth_methods=options)
    else:
        primary = chosen.get("primary_provider") or next(iter(sorted(usable)), None)
        backup = chosen.get("backup_provider")
        ready = primary in usable or backup in usable
        view.update(
            primary_provider=primary,
            backup_provider=backup,
            enabled_providers=[p for p in (primary, backup) if p],
            providers=options,
        )
    view["status"] = (
        {"state": "ready", "reason": None}
        if ready
        else {"state": "needs_credential", "reason": "no usable credential is connected"}
    )
    return view


def settings_view(call: Call, scope: Scope) -> JSON:
    return {
        "default_harness": default_harness(call, scope),
        "scope": scope.view(),
        "harnesses": [harness_view(call, scope, h) for h in HARNESSES],
        "credentials": [credential_view(call, scope, c) for c in CREDENTIALS],
    }


def known_credential(ident: str) -> str:
    if ident not in CREDENTIALS:
        raise ApiError(404, "UNKNOWN_CREDENTIAL", f"no credential {ident!r}", {"credential": ident})
    return ident


def preview(secret: str) -> str:
    return f"{secret[:6]}...{secret[-4:]}" if len(secret) > 12 else "..."


# -- handlers -------------------------------------------------------------------------


async def get_harnesses(call: Call) -> Response:
    """``GET /agents/harnesses``: the catalog plus capability maps, outside ``data``."""
    data = [
        {"id": h.id, "value": h.id, "label": h.label, "supported_auth": list(h.auth),
         "unsupported_auth": []}
        for h in HARNESSES
    ]  # fmt: skip
    return json_response(
        {
            "data": data,
            "capabilities": {"chats": True, "compaction": True},
            "runtime_capabilities": {"sandbox": True, "computer": True},
        }
    )


def _model_list(call: Call, scope: Scope, h: Harness) -> list[JSON]:
    ready = harness_view(call, scope, h)["status"]["state"] == "ready"
    return [
        {
            "id": m,
            "label": m,
            "available": ready,
            "unavailable_reason": None if ready else "needs_credential",
            "is_default": i == 0,
            "efforts": list(EFFORTS),
        }
        for i, m in enumerate(h.models)
    ]


async def harness_versions(call: Call) -> Response:
    scope = scope_of(call.query)
    with_models = call.query.get("include") == "models"
    return ok(
        [
            {"id": h.id, "label": h.label, "version": "1.0.0",
             **({"models": _model_list(call, scope, h)} if with_models else {})}
            for h in HARNESSES
        ]
    )  # fmt: skip


async def templates(call: Call) -> Response:
    return ok(list(TEMPLATES))


async def get_defaults(call: Call) -> Response:
    ident = call.query.get("workspace_id") or None
    found = _table(call, "defaults").get(ident or ORG)
    return ok(found or {"workspace_id": ident, "harness": HARNESSES[0].id, "model": None,
                        "effort": "medium", "updated_at": None})  # fmt: skip


async def put_defaults(call: Call) -> Response:
    body = await call.json()
    ident = optional(body, "workspace_id", str) or None
    if body.get("harness") is not None:
        harness(str(body["harness"]))
    if body.get("effort") is not None and body["effort"] not in EFFORTS:
        raise bad_request(f"effort must be one of {', '.join(EFFORTS)}", field="effort")
    value = {"harness": HARNESSES[0].id, "model": None, "effort": "medium",
             **_table(call, "defaults").get(ident or ORG, {}), **body,
             "workspace_id": ident, "updated_at": iso(now())}  # fmt: skip
    _table(call, "defaults")[ident or ORG] = value
    return ok(value)


async def get_settings(call: Call) -> Response:
    return ok(settings_view(call, scope_of(call.query)))


async def update_settings(call: Call) -> Response:
    body = await call.json()
    scope = scope_of(body)
    if body.get("default_harness") is not None:
        star = harness(str(body["default_harness"]))
        _table(call, "default")[scope.chain[0]] = {"harness": star.id}
    return ok(settings_view(call, scope))


async def update_harness(call: Call) -> Response:
    h = harness(call.params["harness"])
    body = await call.json()
    scope = scope_of(body)
    changes: JSON = {}
    if "auth_method" in body:
        if h.kind != "single" or body["auth_method"] not in h.auth:
            raise bad_request(f"{h.id} does not sign in with {body['auth_method']!r}")
        changes["auth_method"] = body["auth_method"]
    providers = list(body.get("enabled_providers") or [])
    picked = {
        "primary_provider": body.get("primary_provider") or (providers[:1] or [None])[0],
        "backup_provider": body.get("backup_provider") or (providers[1:2] or [None])[0],
    }
    for key, provider in picked.items():
        if provider is None:
            continue
        if h.kind != "multi" or provider not in h.auth:
            raise bad_request(f"{h.id} has no provider {provider!r}", field=key)
        if not _connected(call, scope, provider, h.id)["usable"]:
            raise ApiError(
                422, "CREDENTIAL_NOT_CONNECTED", f"{provider} is not connected", {"field": key}
            )
        changes[key] = provider
    if body.get("default_model") is not None:
        if body["default_model"] not in h.models:
            raise bad_request(f"{h.id} has no model {body['default_model']!r}")
        changes["default_model"] = body["default_model"]
    if body.get("default_effort") is not None:
        if body["default_effort"] not in EFFORTS:
            raise bad_request(f"effort must be one of {', '.join(EFFORTS)}")
        changes["default_effort"] = body["default_effort"]
    _table(call, "harnesses").setdefault(f"{scope.chain[0]}|{h.id}", {}).update(changes)
    return json_response(
        {"data": harness_view(call, scope, h), "default_harness": default_harness(call, scope)}
    )


async def models(call: Call) -> Response:
    scope = scope_of(call.query)
    h = harness(call.query.get("harness") or default_harness(call, scope))
    return ok(_model_list(call, scope, h))


async def list_credentials(call: Call) -> Response:
    scope = scope_of(call.query)
    return ok([credential_view(call, scope, c) for c in CREDENTIALS])


async def put_credential(call: Call) -> Response:
    credential = known_credential(call.params["credential"])
    body = await call.json()
    scope = scope_of(body)
    _, kind, fields = CREDENTIALS[credential]
    if kind == "subscription":
        raise bad_request(
            f"{credential} is a plan: connect it with a sign-in (POST /agent-signins)",
            code="SIGNIN_REQUIRED",
        )
    missing = [f for f in fields if not isinstance(body.get(f), str) or not body[f]]
    if missing:
        raise bad_request(f"{', '.join(missing)} required", field=missing[0])
    usable_by = body.get("usable_by") or []
    if not isinstance(usable_by, list):
        raise bad_request("usable_by must be a list of harness ids", field="usable_by")
    for ident in usable_by:
        harness(str(ident))
    store_credential(
        call,
        scope,
        credential,
        {"preview": preview(str(body[fields[0]])), "usable_by": usable_by,
         "updated_at": iso(now())},
    )  # fmt: skip
    return ok(credential_view(call, scope, credential))


async def delete_credential(call: Call) -> Response:
    credential = known_credential(call.params["credential"])
    scope = scope_of(call.query)
    table = _table(call, "credentials")
    if table.pop(f"{scope.chain[0]}|{credential}", None) is None:
        raise not_found("credential at this scope", credential)
    return ok(credential_view(call, scope, credential))


async def test_credential(call: Call) -> Response:
    """``POST /agents/credentials/{credential}/test``: no provider is called here, so the
    check reports the stored state (as production does for a plan)."""
    credential = known_credential(call.params["credential"])
    scope = scope_of(await call.json())
    view = credential_view(call, scope, credential)
    return ok(
        {
            "credential": credential,
            "ok": view["connected"],
            "check": "stored_state",
            "status": view["status"],
            "http_status": None,
            "detail": None if view["connected"] else "nothing is connected at this scope",
            "scope": view["scope"],
            "checked_at": iso(now()),
        }
    )


async def list_connections(call: Call) -> Response:
    """``GET /connections``: the connected model credentials (no apps or tool servers run
    here), with ``total`` and ``counts`` beside ``data``."""
    scope = scope_of(call.query)
    items = [
        {
            "ref": f"credential:{view['id']}", "id": view["id"], "type": "credential",
            "family": "models", "kind": view["kind"], "provider": view["id"],
            "label": view["label"], "status": "connected", "usable_by": view["usable_by"],
            "shared": view["scope"] != "external_user", "preview": view["preview"],
            "scope": view["scope"], "updated_at": view["updated_at"],
        }
        for view in (credential_view(call, scope, c) for c in CREDENTIALS)
        if view["connected"]
    ]  # fmt: skip
    wanted = {k: call.query[k] for k in ("family", "provider", "status") if call.query.get(k)}
    items = [i for i in items if all(i[k] == v for k, v in wanted.items())]
    if call.query.get("usable_by"):
        items = [
            i for i in items if not i["usable_by"] or call.query["usable_by"] in i["usable_by"]
        ]
    counts = {"models": len(items), "apps": 0, "tools": 0}
    return json_response({"data": items, "total": len(items), "counts": counts})


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/agents/harnesses", get_harnesses),
        Endpoint("GET", "/agents/harness-versions", harness_versions),
        Endpoint("GET", "/agents/templates", templates),
        Endpoint("GET", "/agents/defaults", get_defaults),
        Endpoint("PUT", "/agents/defaults", put_defaults, "agent_defaults.update"),
        Endpoint("GET", "/agents/settings", get_settings),
        Endpoint("PATCH", "/agents/settings", update_settings, "agent_settings.update"),
        Endpoint(
            "PATCH",
            "/agents/settings/harnesses/{harness}",
            update_harness,
            "agent_harness.update",
        ),
        Endpoint("GET", "/agents/models", models),
        Endpoint("GET", "/agents/credentials", list_credentials),
        Endpoint(
            "PUT", "/agents/credentials/{credential}", put_credential, "agent_credential.update"
        ),
        Endpoint("POST", "/agents/credentials/{credential}/test", test_credential),
        Endpoint("GET", "/connections", list_connections),
        Endpoint(
            "DELETE",
            "/agents/credentials/{credential}",
            delete_credential,
            "agent_credential.delete",
        ),
    ]
