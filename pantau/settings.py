"""All settings in one place, read from environment variables ``PANTAU_*``."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "pantau"


class Settings(BaseSettings):
    """Runtime settings. Every field can be set as ``PANTAU_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="PANTAU_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir,
                           description="Directory that holds the archive database and job state.")
    archive_name: str = Field("archive.sqlite3", description="File name of the archive inside data_dir.")
    contact_url: str = Field("https://github.com/pantau-archive/pantau",
                             description="Contact URL sent in the crawler's user agent.")
    user_agent: str = Field("", description="Overrides the crawler's user agent when set.")
    search_backend: str = Field("tantivy", description="'tantivy' (embedded) or 'elasticsearch'.")
    facet_budget_s: float = Field(10.0, gt=0, description="Time a search may spend on facets; "
                                  "facets not reached by then are reported as timed out.")
    es_url: str = Field("", description="Elasticsearch URL for the elasticsearch backend.")
    es_index_prefix: str = Field("pantau", description="Prefix of Elasticsearch index and alias names.")
    sqlite_busy_timeout_ms: int = Field(30_000, ge=0, description="How long a writer waits for a lock.")
    public_url: str = Field("http://127.0.0.1:8000", description="Address of the web pages, for "
                            "links in `pantau watch` reports and e-mails.")
    smtp_host: str = Field("", description="SMTP server for `pantau watch run --email` (empty: none).")
    smtp_port: int = Field(25, ge=1, le=65535, description="SMTP port.")
    smtp_starttls: bool = Field(False, description="Upgrade the SMTP connection with STARTTLS.")
    smtp_user: str = Field("", description="SMTP login (empty: none).")
    smtp_password: str = Field("", description="SMTP password.")
    smtp_from: str = Field("pantau@localhost", description="Sender of `pantau watch` e-mails.")

    @property
    def archive_path(self) -> Path:
        return self.data_dir / self.archive_name

    @property
    def crawler_user_agent(self) -> str:
        from pantau import __version__

        return self.user_agent or f"PantauBot/{__version__} (+{self.contact_url})"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests call ``get_settings.cache_clear()`` after changing env)."""
    return Settings()
