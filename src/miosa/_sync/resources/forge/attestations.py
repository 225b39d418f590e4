# This file was generated from
#   src/miosa/_async/resources/forge/attestations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Forge attestations: ``client.forge.attestations``
(``/forge/repositories/{repository_id}/attestations``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ....types.forge import ForgeAttestation, ForgeAttestationVerification
from ..._resource import APIResource
from ._base import REPOSITORY, repository_path

SubjectType = Literal["commit", "release", "release_asset"]
"""What an attestation is about."""

_ATTESTATION = REPOSITORY + "/attestations/{attestation_id}"


class ForgeAttestations(APIResource):
    """``client.forge.attestations``: signed in-toto statements about commits, releases
    and release assets, and their verification."""

    def list(
        self,
        repository_id: str,
        *,
        commit_sha: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ForgeAttestation]:
        """The repository's attestations (only ``commit_sha``'s when given).

        ``GET /forge/repositories/{repository_id}/attestations``.
        """
        return self._list(
            "GET",
            repository_path(repository_id, "/attestations"),
            ForgeAttestation,
            params=query(commit_sha=commit_sha),
            keys=("data", "attestations", "items"),
            options=options,
        )

    def create(
        self,
        repository_id: str,
        *,
        commit_sha: str,
        subject_type: SubjectType,
        subject_id: str,
        predicate_type: str | NotGiven = NOT_GIVEN,
        predicate: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeAttestation:
        """Have Forge sign a statement about a subject built from ``commit_sha``.

        ``POST /forge/repositories/{repository_id}/attestations``. ``subject_id`` is the
        commit sha, release tag or release asset id the statement is about.
        """
        payload = body(
            commit_sha=commit_sha,
            subject_type=subject_type,
            subject_id=subject_id,
            predicate_type=predicate_type,
            predicate=predicate,
        )
        return self._object(
            "POST",
            repository_path(repository_id, "/attestations"),
            ForgeAttestation,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(
        self, repository_id: str, attestation_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeAttestation:
        """One attestation.

        ``GET /forge/repositories/{repository_id}/attestations/{attestation_id}``.
        """
        path = route(_ATTESTATION, repository_id=repository_id, attestation_id=attestation_id)
        return self._object("GET", path, ForgeAttestation, options=options)

    def verify(
        self, repository_id: str, attestation_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeAttestationVerification:
        """Check an attestation's signature on the server.

        ``GET /forge/repositories/{repository_id}/attestations/{attestation_id}/verification``.
        """
        path = route(
            _ATTESTATION + "/verification",
            repository_id=repository_id,
            attestation_id=attestation_id,
        )
        return self._object("GET", path, ForgeAttestationVerification, options=options)
