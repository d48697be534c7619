"""Thread affinity: SQLite connections must stay in the thread that opened them.

FastAPI runs each sync dependency and endpoint in a worker thread of its own choosing, so
the API never hands a connection across threads:

- ``PerThread(factory)`` keeps one object (an Archive, a backend) per worker thread, made
  on first use there; ``ThreadBound(pool)`` is a stand-in that forwards every attribute to
  the calling thread's object, so a route can take it as a dependency.
- ``threaded_stream(produce)`` runs a long writer (an export) in one dedicated thread that
  opens its own connections, and hands its bytes to the response through a bounded queue.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class PerThread(Generic[T]):
    """One object per thread, made by ``factory`` on first use in that thread."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._local = threading.local()
        self._made: list[T] = []
        self._lock = threading.Lock()

    def get(self) -> T:
        obj = getattr(self._local, "obj", None)
        if obj is None:
            obj = self._factory()
            self._local.obj = obj
            with self._lock:
                self._made.append(obj)
        return obj

    def close_all(self) -> None:
        """Close what can be closed (objects bound to other threads are left to the GC)."""
        with self._lock:
            made, self._made = self._made, []
        for obj in made:
            try:
                obj.close()
            except Exception:  # noqa: BLE001 - e.g. sqlite3 refuses a close from another thread
                pass


class ThreadBound:
    """Forwards attribute access to the calling thread's object of a ``PerThread`` pool."""

    def __init__(self, pool: PerThread) -> None:
        object.__setattr__(self, "_pool", pool)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool.get(), name)


class _Cancelled(Exception):
    pass


_DONE = object()


class _QueueSink:
    """A binary stream whose writes go to a queue in chunks of about ``chunk_size``."""

    def __init__(self, q: queue.Queue, stop: threading.Event, chunk_size: int) -> None:
        self._q, self._stop, self._size = q, stop, chunk_size
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= self._size:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._buffer:
            self.put(bytes(self._buffer))
            self._buffer.clear()

    def put(self, item: object) -> None:
        while not self._stop.is_set():
            try:
                self._q.put(item, timeout=0.2)
                return
            except queue.Full:
                continue
        raise _Cancelled


def threaded_stream(produce: Callable[[_QueueSink], None], *, chunk_size: int = 64 * 1024,
                    max_chunks: int = 16, name: str = "pantau-stream") -> Iterator[bytes]:
    """Run ``produce(sink)`` in a new thread and yield what it writes. An exception in the
    producer is raised in the consumer; closing the iterator stops the producer."""
    q: queue.Queue = queue.Queue(maxsize=max_chunks)
    stop = threading.Event()
    sink = _QueueSink(q, stop, chunk_size)

    def run() -> None:
        try:
            produce(sink)
            sink.flush()
            sink.put(_DONE)
        except _Cancelled:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            try:
                sink.put(exc)
            except _Cancelled:
                pass

    threading.Thread(target=run, name=name, daemon=True).start()
    try:
        while True:
            item = q.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


def primed(stream: Iterator[bytes]) -> Iterator[bytes]:
    """Wait for the first chunk now, so an error before any output (a bad query, a limit)
    is raised while a proper error response can still be sent."""
    first = next(stream, None)

    def chained() -> Iterator[bytes]:
        if first is not None:
            yield first
        yield from stream

    return chained()
