# This file was generated from
#   src/miosa/_async/resources/computers/env.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.env``: encrypted environment variables under ``/computers/{id}/env``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import route
from ....types.computers import ComputerEnvVar
from ..._resource import ScopedResource

_ENV_KEYS = ("data", "env", "vars", "items")


class ComputerEnv(ScopedResource):
    """``computer.env``: list, create, change and delete environment variables."""

    def _var_path(self, name: str) -> str:
        return self._prefix + route("/env/{name}", name=name)

    def list(self, **options: Unpack[RequestOptions]) -> list[ComputerEnvVar]:
        """Every variable (values may be masked). ``GET /computers/{computer_id}/env``."""
        return self._list(
            "GET", self._prefix + "/env", ComputerEnvVar, keys=_ENV_KEYS, options=options
        )

    def set(self, name: str, value: str, **options: Unpack[RequestOptions]) -> ComputerEnvVar:
        """Create a variable (use `update` for an existing name).

        ``POST /computers/{computer_id}/env``.
        """
        return self._object(
            "POST",
            self._prefix + "/env",
            ComputerEnvVar,
            json={"name": name, "value": value},
            options=options,
        )

    def update(self, name: str, value: str, **options: Unpack[RequestOptions]) -> ComputerEnvVar:
        """Change a variable's value. ``PATCH /computers/{computer_id}/env/{name}``."""
        return self._object(
            "PATCH", self._var_path(name), ComputerEnvVar, json={"value": value}, options=options
        )

    def delete(self, name: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a variable. ``DELETE /computers/{computer_id}/env/{name}``."""
        self._none("DELETE", self._var_path(name), options=options)

    def bulk_set(self, variables: Mapping[str, str]) -> builtins.list[ComputerEnvVar]:
        """Create several variables: one ``POST /computers/{computer_id}/env`` each."""
        return [self.set(name, value) for name, value in variables.items()]
