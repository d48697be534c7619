"""The API's dependencies: the app context, the archive and the search backend.

Routes take ``ArchiveDep`` and ``BackendDep``: stand-ins bound to the calling worker
thread's own Archive connection and backend (see ``search_api.threads``), since a SQLite
connection must not cross threads. Long streams (exports) open their own with
``AppContext.open_archive()`` and ``AppContext.new_backend()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from pantau.search.base import SearchBackend
from pantau.settings import Settings
from pantau.store import Archive
from search_api.config import ApiLimits
from search_api.http_cache import Answers, IndexVersion
from search_api.shared_answers import SharedAnswers
from search_api.threads import PerThread, ThreadBound


@dataclass
class AppContext:
    settings: Settings
    limits: ApiLimits
    backend_factory: Callable[[], SearchBackend]
    archives: PerThread = field(init=False)
    backends: PerThread = field(init=False)
    index_version: IndexVersion = field(init=False)
    answers: Answers = field(init=False)

    def __post_init__(self) -> None:
        self.archives = PerThread(self.open_archive)
        self.backends = PerThread(self.new_backend)
        self.index_version = IndexVersion(self.new_backend)
        shared = SharedAnswers(self.settings.data_dir / "answer-cache") if self.limits.shared_answers else None
        self.answers = Answers(self.limits.answer_cache_mb * 2**20, shared)

    def open_archive(self) -> Archive:
        return Archive.open(self.settings.archive_path)

    def new_backend(self) -> SearchBackend:
        return self.backend_factory()

    def close(self) -> None:
        self.index_version.close()
        self.backends.close_all()
        self.archives.close_all()


async def get_context(request: Request) -> AppContext:
    return request.app.state.context


ContextDep = Annotated[AppContext, Depends(get_context)]


async def get_archive(context: ContextDep) -> Archive:
    return ThreadBound(context.archives)  # type: ignore[return-value]


async def get_backend(context: ContextDep) -> SearchBackend:
    return ThreadBound(context.backends)  # type: ignore[return-value]


ArchiveDep = Annotated[Archive, Depends(get_archive)]
BackendDep = Annotated[SearchBackend, Depends(get_backend)]

