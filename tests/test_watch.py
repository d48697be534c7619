"""``pantau watch``: saved searches report what is new since the last run, remember it only
once delivered, and e-mail it through an SMTP server (a local aiosmtpd started here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from pantau.search.document import build_documents
from pantau.search.factory import INDEX_DIR_NAME
from pantau.search.tantivy_engine import TantivyBackend
from pantau.store import Archive
from tests.helpers.api_archive import aid, fill
from tests.helpers.api_server import free_port

LATE = ("baliho-semarang", "lurah-surabaya")  # indexed only after the watches are saved


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    fill(path).close()
    index(path, without={aid(k) for k in LATE})
    return path


def index(path, without=frozenset()) -> None:
    backend = TantivyBackend(path / INDEX_DIR_NAME)
    with Archive.open(path / "archive.sqlite3") as archive:
        backend.rebuild(d for d in build_documents(archive) if d.id not in without)
    backend.close()


def pantau(data, *args, env=None, code=0) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PANTAU_DATA_DIR": str(data),
               "PANTAU_PUBLIC_URL": "http://pantau.test", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "pantau", "watch", *args], env=environ,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stdout + done.stderr
    return done


class Inbox:
    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, {"PANTAU_SMTP_HOST": "127.0.0.1", "PANTAU_SMTP_PORT": str(controller.port)}
    finally:
        controller.stop()


def test_watch_reports_what_is_new_once(data, tmp_path):
    out = pantau(data, "add", "semarang", "http://127.0.0.1:8000/?region=33.74&sort=newest&lang=en")
    assert "1 articles match now" in out.stdout  # jalan-semarang; baliho-semarang is not indexed yet
    pantau(data, "add", "camat", "/v1/articles?q=camat&region=35")
    listed = pantau(data, "list").stdout
    assert "semarang\tregion=33.74\tlast run: never" in listed and "camat\tq=camat&region=35" in listed
    assert "0 new" in pantau(data, "run").stdout  # nothing arrived yet
    index(data)  # the late articles arrive
    report = tmp_path / "report.json"
    pantau(data, "run", "-o", str(report))
    got = {r["name"]: r for r in json.loads(report.read_text())}
    assert [a["id"] for a in got["semarang"]["new"]] == [aid("baliho-semarang")]
    assert got["semarang"]["new"][0]["page"] == f"http://pantau.test/articles/{aid('baliho-semarang')}"
    assert [a["id"] for a in got["camat"]["new"]] == []  # lurah-surabaya is about a lurah
    again = pantau(data, "run", "--json")
    assert all(not r["new"] for r in json.loads(again.stdout))
    assert "last run: 20" in pantau(data, "list").stdout


def test_watch_emails_and_keeps_the_news_until_delivered(data, smtp):
    inbox, env = smtp
    pantau(data, "add", "surabaya", "region=35.78", "--email", "desk@example.org")
    index(data)
    # the server is down: the run fails, nothing is recorded as reported
    closed = {**env, "PANTAU_SMTP_PORT": str(free_port())}
    failed = pantau(data, "run", "--email", env=closed, code=1)
    assert "could not send e-mail" in failed.stderr
    sent = pantau(data, "run", "--email", env=env)
    assert "1 e-mail(s) sent" in sent.stderr
    ((to, msg),) = inbox.messages
    assert to == ["desk@example.org"] and "surabaya" in msg["Subject"]
    assert f"http://pantau.test/articles/{aid('lurah-surabaya')}" in msg.get_content()
    pantau(data, "run", "--email", env=env)
    assert len(inbox.messages) == 1  # nothing new: no mail


@pytest.mark.parametrize("args", [("add", "x", "regoin=33"), ("add", "x", "region=99"),
                                  ("add", "x", "q=%22open"), ("add", "x", "lang=en"),
                                  ("run", "nobody"), ("remove", "nobody")])
def test_watch_bad_input_exits_2(data, args):
    done = pantau(data, *args, code=2)
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr


def test_watch_names_are_unique_and_removable(data):
    pantau(data, "add", "a", "q=camat")
    assert "exists" in pantau(data, "add", "a", "q=lurah", code=2).stderr
    pantau(data, "remove", "a")
    pantau(data, "add", "a", "q=lurah")
