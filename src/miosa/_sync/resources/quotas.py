# This file was generated from
#   src/miosa/_async/resources/quotas.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Per-external-user quotas: ``/quotas/external``."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, route
from ...types.quotas import ExternalUserQuota
from .._resource import APIResource

# 2.19.2 also reads the quota from under "quota" (or "quotas").
_UNWRAP = ("data", "quota", "quotas")


def _quota_path(external_user_id: str) -> str:
    return route("/quotas/external/{external_user_id}", external_user_id=external_user_id)


class Quotas(APIResource):
    """``client.quotas``: limits for each of your end users (by your own user id)."""

    def get(self, external_user_id: str, **options: Unpack[RequestOptions]) -> ExternalUserQuota:
        """A user's limits and usage. ``GET /quotas/external/{external_user_id}``."""
        return self._object(
            "GET", _quota_path(external_user_id), ExternalUserQuota, unwrap=_UNWRAP, options=options
        )

    def set(
        self,
        external_user_id: str,
        *,
        max_sandboxes: int | NotGiven | None = NOT_GIVEN,
        max_concurrent: int | NotGiven | None = NOT_GIVEN,
        max_storage_gb: int | NotGiven | None = NOT_GIVEN,
        max_credit_cents: int | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ExternalUserQuota:
        """Set a user's limits. ``PUT /quotas/external/{external_user_id}``.

        Only the limits given are sent; ``None`` sends null (no limit). Sandboxes
        created with ``external_user_id`` beyond a limit fail with `QuotaExceededError`.
        """
        payload = body(
            max_sandboxes=max_sandboxes,
            max_concurrent=max_concurrent,
            max_storage_gb=max_storage_gb,
            max_credit_cents=max_credit_cents,
        )
        return self._object(
            "PUT",
            _quota_path(external_user_id),
            ExternalUserQuota,
            json=payload,
            unwrap=_UNWRAP,
            options=options,
        )

    def delete(self, external_user_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revert a user to the tenant default. ``DELETE /quotas/external/{external_user_id}``."""
        self._none("DELETE", _quota_path(external_user_id), options=options)
