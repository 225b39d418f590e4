# This file was generated from
#   src/miosa/_async/pagination.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Pages of list results, and lazy iteration over every item across pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .._core.paging import PageRequest, next_page_request, total_of

if TYPE_CHECKING:
    from ._resource import APIResource

T = TypeVar("T")

__all__ = ["Page", "PageIterator", "PagesIterator", "PageRequest"]


class Page(Generic[T]):
    """One page of results.

    ``page.items`` and ``page.next_cursor`` describe this page; ``for item in page``
    walks this page and then fetches the following ones lazily, one request per page.
    ``page.total`` is the item count when the server sends one; ``page.raw`` is this page's
    decoded reply, with any other reply-level field.
    """

    def __init__(
        self,
        items: list[T],
        *,
        next_cursor: str | None,
        total: int | None,
        next_request: PageRequest | None,
        resource: APIResource,
        cast_to: type[T],
        keys: tuple[str, ...],
        raw: Any = None,
    ) -> None:
        self.items = items
        self.raw = raw
        self.next_cursor = next_cursor
        self.total = total
        self._next_request = next_request
        self._resource = resource
        self._cast_to = cast_to
        self._keys = keys

    @classmethod
    def from_payload(
        cls,
        items: list[T],
        payload: Any,
        request: PageRequest,
        resource: APIResource,
        cast_to: type[T],
        keys: tuple[str, ...],
    ) -> Page[T]:
        next_request = next_page_request(payload, request, len(items))
        cursor = next_request.params.get(request.cursor_param) if next_request else None
        return cls(
            items,
            next_cursor=cursor,
            total=total_of(payload),
            next_request=next_request,
            resource=resource,
            cast_to=cast_to,
            keys=keys,
            raw=payload,
        )

    @property
    def has_more(self) -> bool:
        return self._next_request is not None

    def next_page(self) -> Page[T] | None:
        """Fetch the following page, or None when this is the last one."""
        if self._next_request is None:
            return None
        return self._resource._fetch_page(self._next_request, self._cast_to, self._keys)

    def __iter__(self) -> PageIterator[T]:
        return PageIterator(self)

    def first_page(self) -> Page[T]:
        """This page (the one ``list()`` fetched first)."""
        return self

    def pages(self) -> PagesIterator[T]:
        """This page and each following one, fetched one at a time as the loop asks."""
        return PagesIterator(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, next_cursor={self.next_cursor!r})"


class PageIterator(Generic[T]):
    """Walks a page's items, then each following page's, fetching one page at a time.

    A plain iterator rather than a generator, so breaking out
    of the loop early leaves nothing to finalise.
    """

    def __init__(self, page: Page[T]) -> None:
        self._page: Page[T] | None = page
        self._items: Iterator[T] = iter(page.items)

    def __iter__(self) -> PageIterator[T]:
        return self

    def __next__(self) -> T:
        # The loop body runs at most once: it is the cheapest way to take the next item
        # of the current page (no exception, no index), once per item of every page.
        for item in self._items:
            return item
        return self._first_of_next_page()

    def _first_of_next_page(self) -> T:
        while self._page is not None:
            self._page = self._page.next_page()
            if self._page is None:
                break
            self._items = iter(self._page.items)
            for item in self._items:
                return item
        raise StopIteration


class PagesIterator(Generic[T]):
    """Walks pages: the given one, then each following page, fetched as the loop asks."""

    def __init__(self, page: Page[T]) -> None:
        self._next: Page[T] | None = page
        self._started = False

    def __iter__(self) -> PagesIterator[T]:
        return self

    def __next__(self) -> Page[T]:
        if self._started and self._next is not None:
            self._next = self._next.next_page()
        self._started = True
        if self._next is None:
            raise StopIteration
        return self._next
