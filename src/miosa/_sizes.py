"""Pure validation of sandbox sizing arguments."""

from __future__ import annotations

from .types.sandboxes import SIZE_CONTRACTS

__all__ = ["check_resources"]


def _tier_for(cpu_count: int | None, memory_mb: int | None) -> str | None:
    for size, (cpus, memory, _) in SIZE_CONTRACTS.items():
        if (cpus, memory) == (cpu_count, memory_mb):
            return size
    return None


def check_resources(
    size: str | None, cpu_count: int | None, memory_mb: int | None, disk_mb: int | None
) -> None:
    """Refuse raw resources the API cannot place; they are sent as given, never as a size.

    A ``(cpu_count, memory_mb)`` pair equal to a published size may come without a disk
    (the size's floor applies) or with any; a pair off the published sizes is a custom
    shape and needs all three values. An explicit ``size`` must be the one the pair names.
    Without ``cpu_count`` and ``memory_mb`` anything goes (a lone disk is a floor).
    """
    if cpu_count is None and memory_mb is None:
        return
    tier = _tier_for(cpu_count, memory_mb)
    given = f"{cpu_count if cpu_count is not None else '?'} vCPU / "
    given += f"{memory_mb if memory_mb is not None else '?'} MiB"
    if tier is None and (cpu_count is None or memory_mb is None or disk_mb is None):
        sizes = ", ".join(f"{s} ({c}/{m})" for s, (c, m, _) in SIZE_CONTRACTS.items())
        raise ValueError(
            f"{given} is not a published size ({sizes}); give cpu_count, memory_mb and "
            "disk_size_mb together for a custom shape, or pass size"
        )
    if size is not None and size != tier:
        raise ValueError(f"{given} does not match the requested size {size!r}")
