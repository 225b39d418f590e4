"""`AsyncPager`: what an async ``list()`` returns, a first page you can also loop over.

``await client.audit_log.list()`` gives the first page (an `AsyncPage`), and
``async for entry in client.audit_log.list()`` walks every item across pages without the
``await``, as openai's async paginator does. The blocking client has no need for this
object: its ``list()`` fetches the first page at once and returns the `Page` itself, so
`scripts/gen_sync.py` writes ``Page`` wherever the async code says ``AsyncPager``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from ._async.pagination import AsyncPage, AsyncPageIterator, AsyncPagesIterator

    # Generated blocking code annotates with ``Page`` where the async code has
    # ``AsyncPager``, importing it from here for the type checker only.
    from ._sync.pagination import Page as Page

T = TypeVar("T")

__all__ = ["AsyncPager"]


class AsyncPager(Generic[T]):
    """The first page of a list, fetched when awaited or iterated; nothing is sent before.

    - ``await pager`` (or ``await pager.first_page()``): the first `AsyncPage`;
    - ``async for item in pager``: every item, page after page, one request per page;
    - ``async for page in pager.pages()``: every page.

    Each of these sends its own requests: awaiting a pager twice fetches the first page
    twice. Keep the page you awaited to look at it again.
    """

    __slots__ = ("_fetch",)

    def __init__(self, fetch: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._fetch = fetch

    async def first_page(self) -> AsyncPage[T]:
        """Fetch the first page."""
        return await self._fetch()

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self.first_page().__await__()

    def __aiter__(self) -> _ItemsIterator[T]:
        return _ItemsIterator(self)

    def pages(self) -> _PagesIterator[T]:
        """Every page, the first one included, fetched one at a time as the loop asks."""
        return _PagesIterator(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(not fetched)"


class _ItemsIterator(Generic[T]):
    """Fetches the first page on the first step, then walks items across pages."""

    def __init__(self, pager: AsyncPager[T]) -> None:
        self._pager = pager
        self._items: AsyncPageIterator[T] | None = None

    def __aiter__(self) -> _ItemsIterator[T]:
        return self

    async def __anext__(self) -> T:
        if self._items is None:
            self._items = (await self._pager.first_page()).__aiter__()
        return await self._items.__anext__()


class _PagesIterator(Generic[T]):
    """Fetches the first page on the first step, then each following page."""

    def __init__(self, pager: AsyncPager[T]) -> None:
        self._pager = pager
        self._pages: AsyncPagesIterator[T] | None = None

    def __aiter__(self) -> _PagesIterator[T]:
        return self

    async def __anext__(self) -> AsyncPage[T]:
        if self._pages is None:
            self._pages = (await self._pager.first_page()).pages()
        return await self._pages.__anext__()
