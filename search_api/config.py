"""The API's documented limits, read from ``PANTAU_API_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pantau.search.query import MAX_LIMIT, MAX_QUERY_LENGTH


class ApiLimits(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PANTAU_API_", extra="ignore")

    max_page_size: int = Field(MAX_LIMIT, description="Largest `limit` of a list page.")
    max_query_length: int = Field(MAX_QUERY_LENGTH, description="Longest `q`, in characters.")
    request_timeout_s: float = Field(
        30.0, gt=0, description="Time limit of a request (exports excepted); then 503 timeout.")
    export_max_rows: int | None = Field(
        None, ge=1, description="Largest export, in articles (unset: no limit; exports stream).")
    cache_max_age_s: int = Field(
        60, ge=0, description="`Cache-Control: max-age` of answers that change only with a rebuild.")
    answer_cache_mb: int = Field(
        64, ge=0, description="Memory per worker for answers kept until the index changes (0: none).")
    shared_answers: bool = Field(
        True, description="Workers share the answers they keep, through files in "
                          "PANTAU_DATA_DIR/answer-cache (removed when the index changes).")
    threads: int = Field(
        4, ge=1, le=256, description="Threads per worker that run requests. The embedded index computes "
        "in native code on the cores it has; more threads only queue on the GIL and stretch the tail of "
        "the slow answers. Raise it for Elasticsearch, whose requests wait on the network.")
    rebuild_officials_on_start: bool = Field(
        True, description="Rebuild the officials registry at start-up when annotations changed.")


LIMITS_TEXT = (
    "**Limits.** Page size (`limit`) at most {max_page_size}; `q` at most {max_query_length} "
    "characters; each request (exports excepted) at most {request_timeout_s:g} s, then "
    "`503 timeout`; exports: {export}. Lists use opaque cursors (`cursor` = the previous "
    "page's `next_cursor`), never offsets."
)


def limits_text(limits: ApiLimits) -> str:
    export = (f"at most {limits.export_max_rows} articles" if limits.export_max_rows
              else "no row limit (streamed)")
    return LIMITS_TEXT.format(export=export, **limits.model_dump())
