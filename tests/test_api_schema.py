"""Schemathesis over the API's OpenAPI document, against a real server: a bounded number of
generated requests per operation, and none may get a 5xx answer.

(Schemathesis's own pytest plugin does not work with pytest 9, so the operations are
parametrized here and each runs a Hypothesis test built from the operation's strategy.)
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from pantau.settings import Settings  # noqa: E402
from search_api import create_app  # noqa: E402
from tests.helpers.api_archive import fill  # noqa: E402
from tests.helpers.api_server import serve_in_thread  # noqa: E402

MAX_EXAMPLES = 25
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings(data_dir="/nonexistent")).openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("schema") / "data"
    data.mkdir()
    fill(data)
    with serve_in_thread(create_app(Settings(data_dir=data))) as base:
        yield base


@pytest.mark.slow
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_no_server_error(base_url, operation):
    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call(base_url=base_url, timeout=60)
        assert response.status_code < 500, (
            f"{case.method} {response.request.url} -> {response.status_code}: {response.text[:500]}")
        if response.status_code >= 400:
            assert set(response.json()) == {"error", "message", "status", "detail"}

    check()
