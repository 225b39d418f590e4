"""SSH into a sandbox, and a DevTools-protocol grant to its browser.

The local server runs no sshd and no browser, so these routes answer what production
answers about them, with canned values where production would sign or connect:

- ``GET /sandboxes/{id}/ssh-info``: where to connect (``ssh.<preview domain>``, user
  ``sandbox``), the tunnel URL and how to get a certificate;
- ``POST /sandboxes/{id}/ssh-certificates``: a certificate for principal ``sandbox-<id>``
  that looks like OpenSSH's but is signed by no CA (the bytes are random);
- ``POST /sandboxes/{id}/ssh-keys``: the key is checked (type and base64 blob) and kept
  per sandbox with its SHA-256 fingerprint, computed as ``ssh-keygen -l`` does;
- ``POST /sandboxes/{id}/browser/cdp-url``: a grant with token URLs nothing listens at.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional
from .http import bad_request, ok
from .routing import Call, Endpoint
from .sandboxes import preview_domain

_SANDBOX = "/sandboxes/{sandbox_id}"
KEY_TYPES = frozenset(
    {
        "ssh-ed25519",
        "ssh-rsa",
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com",
        "sk-ecdsa-sha2-nistp256@openssh.com",
    }
)
CERT_DEFAULT_TTL, CERT_MAX_TTL = 900, 3600
CDP_DEFAULT_TTL, CDP_MIN_TTL, CDP_MAX_TTL = 3600, 60, 604800
SSH_USER = "sandbox"
_KEYS = "sandbox-ssh-keys"


def parse_public_key(text: str) -> tuple[str, str, str | None]:
    """``(type, "SHA256:..." fingerprint, comment)`` of an OpenSSH public key line; a 400
    ``INVALID_PUBLIC_KEY`` when it is not one (the blob must name the same type)."""
    parts = text.strip().split(None, 2)
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        raise _invalid("public_key must be an OpenSSH public key line: '<type> <base64> [comment]'")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError):
        raise _invalid("the key's base64 part does not decode") from None
    # The blob starts with the key type as a length-prefixed string.
    size = int.from_bytes(blob[:4], "big") if len(blob) >= 4 else -1
    if blob[4 : 4 + size].decode("latin-1") != parts[0]:
        raise _invalid("the key's blob does not match its type")
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return parts[0], f"SHA256:{digest}", parts[2] if len(parts) == 3 else None


def _invalid(message: str) -> Exception:
    return bad_request(message, code="INVALID_PUBLIC_KEY", field="public_key")


def _ssh_host(call: Call) -> str:
    return f"ssh.{preview_domain(call.store)}"


def _tunnel_url(call: Call, sandbox_id: str) -> str:
    base = str(call.request.base_url).rstrip("/").replace("http", "ws", 1)
    return f"{base}/api/v1/sandboxes/{sandbox_id}/ssh-tunnel"


async def ssh_info(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/ssh-info``."""
    sandbox = call.sandbox()
    return ok(
        {
            "host": _ssh_host(call),
            "port": 22,
            "user": SSH_USER,
            "tunnel_url": _tunnel_url(call, sandbox.id),
            "certificates": {
                "endpoint": f"/api/v1/sandboxes/{sandbox.id}/ssh-certificates",
                "principal": f"sandbox-{sandbox.id}",
                "default_ttl_seconds": CERT_DEFAULT_TTL,
                "max_ttl_seconds": CERT_MAX_TTL,
            },
        }
    )


async def ssh_certificate(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/ssh-certificates``: a canned certificate for the key."""
    sandbox = call.sandbox()
    key_type, _, _ = parse_public_key(await call.require("public_key", str))
    ttl = await call.optional("ttl_seconds", int, CERT_DEFAULT_TTL, low=1, high=CERT_MAX_TTL)
    principal = f"sandbox-{sandbox.id}"
    blob = base64.b64encode(secrets.token_bytes(96)).decode()
    ca = base64.b64encode(secrets.token_bytes(51)).decode()
    return ok(
        {
            "certificate": f"{key_type}-cert-v01@openssh.com {blob} {principal}",
            "principal": principal,
            "ca_public_key": f"ssh-ed25519 {ca} miosa-local-ca",
            "expires_at": iso(now() + ttl),
            "key_id": new_id("sshcert"),
        },
        201,
    )


async def install_key(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/ssh-keys``: installing a key twice keeps one."""
    sandbox = call.sandbox()
    public_key = (await call.require("public_key", str)).strip()
    _, fingerprint, _ = parse_public_key(public_key)
    kept = call.store.records.setdefault(_KEYS, {}).setdefault(sandbox.id, {"keys": {}})
    grant = kept["keys"].get(fingerprint)
    if grant is None:
        grant = {
            "fingerprint": fingerprint,
            "public_key": public_key,
            "user": SSH_USER,
            "created_at": iso(now()),
        }
        kept["keys"][fingerprint] = grant
    return ok(grant, 201)


async def cdp_url(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/browser/cdp-url``: a grant (no browser is started)."""
    sandbox = call.sandbox()
    body = await call.json()
    ttl = optional(body, "ttl_seconds", int, CDP_DEFAULT_TTL, low=CDP_MIN_TTL, high=CDP_MAX_TTL)
    token = secrets.token_urlsafe(24)
    host = f"9222-{sandbox.slug}.sandbox.{preview_domain(call.store)}"
    grant: JSON = {
        "state": "granted",
        "epoch": 1,
        "cdp_url": f"https://{host}",
        "cdp_ws_url": f"wss://{host}/cdp/{token}/devtools/browser",
        "cdp_http_url": f"https://{host}/cdp/{token}",
        "cdp_token_id": new_id("cdp"),
        "cdp_expires_at": iso(now() + ttl),
        "cdp_host": host,
        "cdp_host_http_url": f"https://{host}",
        "cdp_host_ws_url": f"wss://{host}/devtools/browser",
        "cdp_debugger_address": None,
    }
    return ok(grant, 201)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", _SANDBOX + "/ssh-info", ssh_info),
        Endpoint("POST", _SANDBOX + "/ssh-certificates", ssh_certificate, "sandbox.ssh_certify"),
        Endpoint("POST", _SANDBOX + "/ssh-keys", install_key, "sandbox.ssh_key.install"),
        Endpoint("POST", _SANDBOX + "/browser/cdp-url", cdp_url, "sandbox.browser_cdp_url"),
    ]
