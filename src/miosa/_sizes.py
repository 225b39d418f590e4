"""Pure validation of sandbox sizing arguments."""

from __future__ import annotations

from .types.sandboxes import SIZE_CONTRACTS


def size_for_resources(cpu_count: int | None, memory_mb: int | None, disk_mb: int | None) -> str:
    """The size whose contract matches raw resources; the API accepts only those triples."""
    given = (cpu_count, memory_mb, disk_mb)
    if any(v is None for v in given):
        raise ValueError("cpu_count, memory_mb and disk_mb must be given together")
    for size, contract in SIZE_CONTRACTS.items():
        if contract == given:
            return size
    options = ", ".join(f"{s}={c}" for s, c in SIZE_CONTRACTS.items())
    raise ValueError(f"(cpu_count, memory_mb, disk_mb)={given} matches no size; one of {options}")
