"""Serverless functions, cron jobs, health checks, tenant custom domains and the compute
catalog (``/functions``, ``/cron-jobs``, ``/health-checks``, ``/custom-domains``,
``/compute``).

The records are real (typed on the way in, listed, changed, deleted); what would run on
MIOSA's infrastructure is answered in kind: a function invocation echoes its payload as
the function's output, a cron job's run-now records a succeeded execution at once, a
domain awaits verification until its DNS would be checked, and the compute catalog lists
the sizes the local server gives sandboxes.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlsplit

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, not_found, ok
from .records import Action, Collection, crud_endpoints, find, records, respond
from .routing import Call, Endpoint
from .state import SIZES
from .typed import EXTERNAL, OBJECT, STR, STR_MAP, Field, create_handler, update_handler

READ_DELETE = frozenset({"list", "get", "delete"})

FUNCTIONS = Collection(
    "/functions",
    "function_id",
    "fn",
    "function",
    verbs=READ_DELETE,
    filters=("state", "runtime"),
    defaults={"state": "active", "runtime": "nodejs20", "memory_mb": 256, "timeout_sec": 30},
)
FUNCTION_FIELDS = {
    "name": STR,
    "runtime": STR,
    "handler": STR,
    "memory_mb": Field(int, low=64, high=10240),
    "timeout_sec": Field(int, low=1, high=900),
    "env": STR_MAP,
    "metadata": OBJECT,
}
FUNCTION_OWNED = ("state", "invocation_count", "last_invoked_at")

CRON_JOBS = Collection(
    "/cron-jobs",
    "job_id",
    "cron",
    "cron job",
    verbs=READ_DELETE,
    filters=("state",),
    defaults={"state": "active", "paused": False, "last_run_at": None, "next_run_at": None},
    actions={
        "pause": Action(sets={"state": "paused", "paused": True}),
        "resume": Action(sets={"state": "active", "paused": False}),
    },
)
EXECUTIONS = Collection(
    "/cron-jobs/{job_id}/executions",
    "execution_id",
    "cronx",
    "cron execution",
    verbs=frozenset({"list", "get"}),
)
CRON_FIELDS = {"name": STR, "schedule": STR, "metadata": OBJECT}
# Fields the server moves; a create or update body cannot set them.
CRON_OWNED = ("state", "paused", "last_run_at", "next_run_at")

HEALTH_CHECKS = Collection(
    "/health-checks",
    "check_id",
    "hc",
    "health check",
    verbs=READ_DELETE,
    filters=("state",),
    defaults={
        "state": "active",
        "interval_sec": 60,
        "timeout_sec": 10,
        "method": "GET",
        "expected_status": 200,
        "last_checked_at": None,
        "last_status": None,
    },
)
CHECK_FIELDS = {
    "name": STR,
    "url": STR,
    "interval_sec": Field(int, low=10, high=86400),
    "timeout_sec": Field(int, low=1, high=300),
    "method": Field(str, choices=("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")),
    "expected_status": Field(int, low=100, high=599),
}

CUSTOM_DOMAINS = Collection(
    "/custom-domains",
    "domain_id",
    "cdom",
    "custom domain",
    verbs=frozenset({"list", "delete"}),
    filters=("resource_type", "resource_id", "state"),
)
REDIRECT_POLICIES = ("none", "www_to_apex", "apex_to_www")
DOMAIN_FIELDS = {
    "domain": STR,
    "resource_type": STR,
    "resource_id": STR,
    "redirect_policy": Field(str, choices=REDIRECT_POLICIES),
}
CHECK_OWNED = ("state", "last_checked_at", "last_status")
# A DNS name: dot-separated labels of letters, digits and inner hyphens, a TLD of letters.
HOSTNAME = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# One cron field: numbers, names, ranges, steps, lists and the Quartz extras ? L W #.
CRON_FIELD = re.compile(r"^[0-9A-Za-z*?/,#LW-]+$")
CRON_MACROS = frozenset(
    {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
)

REGIONS: tuple[JSON, ...] = (
    {"id": "local", "name": "This machine", "slug": "local", "available": True},
)
COMPUTE_TEMPLATES: tuple[JSON, ...] = (
    {"id": "ubuntu-desktop", "name": "Ubuntu desktop", "slug": "ubuntu-desktop"},
    {"id": "python-dev", "name": "Python development", "slug": "python-dev"},
)
PRODUCTS: tuple[JSON, ...] = (
    {"id": "sandbox", "name": "Sandboxes"},
    {"id": "computer", "name": "Computers"},
    {"id": "deployment", "name": "Deployments"},
)


# -- functions ------------------------------------------------------------------------------


async def invoke_function(call: Call) -> Response:
    """``POST /functions/{function_id}/invoke``: nothing runs locally, so the function is
    an echo: its output is the payload it was given. The function's counters move."""
    function = find(call, FUNCTIONS)
    if function.get("state") != "active":
        raise ApiError(409, "FUNCTION_NOT_ACTIVE", f"function {function['id']!r} is not active")
    payload = await call.json()
    function["invocation_count"] = int(function.get("invocation_count") or 0) + 1
    function["last_invoked_at"] = iso(now())
    return ok(
        {
            "invocation_id": new_id("inv"),
            "function_id": function["id"],
            "status": "succeeded",
            "duration_ms": 0,
            "output": payload,
        }
    )


# -- cron jobs -------------------------------------------------------------------------------


def _check_schedule(record: JSON) -> None:
    """400 unless ``schedule`` is a macro or five (or six, with seconds) cron fields."""
    schedule = str(record.get("schedule", "")).strip()
    parts = schedule.split()
    if schedule in CRON_MACROS or (
        len(parts) in (5, 6) and all(CRON_FIELD.match(p) for p in parts)
    ):
        record["schedule"] = schedule
        return
    raise bad_request("schedule must be a cron expression such as '*/5 * * * *'", field="schedule")


def _new_cron(call: Call, record: JSON) -> JSON:
    _check_schedule(record)
    return record


async def update_cron(call: Call) -> Response:
    """``PATCH /cron-jobs/{job_id}``: a new schedule is checked like a new job's."""
    body = await call.json()
    if body.get("schedule") is not None:
        _check_schedule({"schedule": STR.read(body, "schedule", True)})
    return await _plain_cron_update(call)


_plain_cron_update = update_handler(CRON_JOBS, CRON_FIELDS, CRON_OWNED)


async def run_cron_now(call: Call) -> Response:
    """``POST /cron-jobs/{job_id}/run-now``: one execution, recorded as succeeded at once
    (nothing is scheduled locally); the reply is the job with that ``execution``."""
    job = find(call, CRON_JOBS)
    await call.json()
    stamp = iso(now())
    execution: JSON = {
        "id": new_id(EXECUTIONS.prefix),
        "job_id": job["id"],
        "cron_job_id": job["id"],
        "state": "succeeded",
        "trigger": "manual",
        "started_at": stamp,
        "finished_at": stamp,
        "duration_ms": 0,
        "exit_code": 0,
        "error": None,
        "created_at": stamp,
    }
    records(call, EXECUTIONS)[execution["id"]] = execution
    job["last_run_at"] = stamp
    job["updated_at"] = stamp
    return respond(CRON_JOBS, {**job, "execution": execution})


# -- health checks ---------------------------------------------------------------------------


def _check_url(record: JSON) -> JSON:
    parts = urlsplit(str(record.get("url", "")))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise bad_request("url must be an http:// or https:// URL", field="url")
    return record


async def update_check(call: Call) -> Response:
    """``PATCH /health-checks/{check_id}``: a new url is checked like a new check's."""
    body = await call.json()
    if body.get("url") is not None:
        _check_url({"url": STR.read(body, "url", True)})
    return await _plain_check_update(call)


_plain_check_update = update_handler(HEALTH_CHECKS, CHECK_FIELDS, CHECK_OWNED)


# -- custom domains --------------------------------------------------------------------------


def _new_domain(call: Call, record: JSON) -> JSON:
    """A valid, unclaimed hostname, pending until its TXT record is seen."""
    domain = str(record["domain"]).strip().lower().rstrip(".")
    if not HOSTNAME.match(domain):
        raise bad_request(f"{domain!r} is not a domain name", field="domain")
    if any(d["domain"] == domain for d in records(call, CUSTOM_DOMAINS).values()):
        raise ApiError(409, "DOMAIN_TAKEN", f"{domain} is already added", {"domain": domain})
    return {
        **record,
        "domain": domain,
        "redirect_policy": record.get("redirect_policy", "none"),
        "state": "pending_verification",
        "verified": False,
        "verification_token": f"miosa-verify={secrets.token_hex(16)}",
        "dns_records": [
            {"type": "TXT", "name": f"_miosa.{domain}", "value": "see verification_token"},
            {"type": "CNAME", "name": domain, "value": "edge.miosa.local"},
        ],
    }


# -- compute catalog -------------------------------------------------------------------------


def _sizes() -> list[JSON]:
    return [
        {"id": name, "name": name, "slug": name, "cpu": cpu, "memory_mb": mem, "disk_mb": disk}
        for name, (cpu, mem, disk) in SIZES.items()
    ]


async def compute_catalog(call: Call) -> Response:
    """``GET /compute/catalog``: products, regions, sizes and templates in one reply."""
    return ok(
        {
            "products": list(PRODUCTS),
            "regions": list(REGIONS),
            "sizes": _sizes(),
            "templates": list(COMPUTE_TEMPLATES),
        }
    )


async def compute_pricing(call: Call) -> Response:
    """``GET /compute/pricing``: the local server bills nothing."""
    return ok(
        {
            "currency": "USD",
            "sizes": [{"size": s["id"], "hourly": 0.0, "monthly": 0.0} for s in _sizes()],
            "storage_gb_month": 0.0,
        }
    )


async def compute_regions(call: Call) -> Response:
    """``GET /compute/regions``."""
    return ok(list(REGIONS))


async def compute_sizes(call: Call) -> Response:
    """``GET /compute/sizes``: the sizes sandboxes and computers are made in."""
    return ok(_sizes())


async def compute_templates(call: Call) -> Response:
    """``GET /compute/templates``."""
    return ok(list(COMPUTE_TEMPLATES))


async def compute_template(call: Call) -> Response:
    """``GET /compute/templates/{template_id}``."""
    ident = call.params["template_id"]
    found = next((t for t in COMPUTE_TEMPLATES if ident in (t["id"], t["slug"])), None)
    if found is None:
        raise not_found("compute template", ident)
    return ok(found)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    fn, job, check = FUNCTIONS.item_path, CRON_JOBS.item_path, HEALTH_CHECKS.item_path
    domain_fields = {**DOMAIN_FIELDS, **{k: STR for k in EXTERNAL}}
    return [
        *crud_endpoints([FUNCTIONS, CRON_JOBS, EXECUTIONS, HEALTH_CHECKS, CUSTOM_DOMAINS]),
        Endpoint(
            "POST",
            FUNCTIONS.path,
            create_handler(FUNCTIONS, FUNCTION_FIELDS, ("name",), frozen=FUNCTION_OWNED),
            "function.create",
        ),
        Endpoint(
            "PATCH",
            fn,
            update_handler(FUNCTIONS, FUNCTION_FIELDS, FUNCTION_OWNED),
            "function.update",
        ),
        Endpoint("POST", fn + "/invoke", invoke_function, "function.invoke"),
        Endpoint(
            "POST",
            CRON_JOBS.path,
            create_handler(
                CRON_JOBS, CRON_FIELDS, ("name", "schedule"), _new_cron, frozen=CRON_OWNED
            ),
            "cron_job.create",
        ),
        Endpoint("PATCH", job, update_cron, "cron_job.update"),
        Endpoint("POST", job + "/run-now", run_cron_now, "cron_job.run"),
        Endpoint(
            "POST",
            HEALTH_CHECKS.path,
            create_handler(
                HEALTH_CHECKS,
                CHECK_FIELDS,
                ("name", "url"),
                lambda _c, r: _check_url(r),
                frozen=CHECK_OWNED,
            ),
            "health_check.create",
        ),
        Endpoint("PATCH", check, update_check, "health_check.update"),
        Endpoint(
            "POST",
            CUSTOM_DOMAINS.path,
            create_handler(CUSTOM_DOMAINS, domain_fields, ("domain",), _new_domain),
            "custom_domain.create",
        ),
        Endpoint("GET", "/compute/catalog", compute_catalog),
        Endpoint("GET", "/compute/pricing", compute_pricing),
        Endpoint("GET", "/compute/regions", compute_regions),
        Endpoint("GET", "/compute/sizes", compute_sizes),
        Endpoint("GET", "/compute/templates", compute_templates),
        Endpoint("GET", "/compute/templates/{template_id}", compute_template),
    ]
