"""The load benchmark's trivial view exists only when BENCH_VIEWS=1 (bench/load/run.py)."""

import os

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_the_trivial_bench_view_is_not_mounted_by_default(client):
    if os.environ.get("BENCH_VIEWS"):
        pytest.skip("BENCH_VIEWS is set in this environment")
    assert settings.BENCH_VIEWS is False
    assert client.get("/bench/trivial/").status_code == 404
