"""hooks/build_worker.py: per-page work beside the build. The site it builds is the same,
byte for byte, as when everything runs in the build's own process."""

from __future__ import annotations

import os

import pytest

import build_worker
from sitebuild import ROOT, build


def test_site_is_the_same_with_and_without_the_worker(real_site, tmp_path):
    alone = build(ROOT, tmp_path, env={"IEP_BUILD_WORKER": "0"})
    assert alone.returncode == 0, alone.log
    files = sorted(path.relative_to(real_site.site) for path in real_site.site.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(alone.site) for path in alone.site.rglob("*") if path.is_file())
    different = [str(name) for name in files if (real_site.site / name).read_bytes() != (alone.site / name).read_bytes()]
    assert different == []


SEEN: list[str] = []


def _echo(value: str) -> tuple[str, tuple[str, ...]]:
    return value, tuple(SEEN)


def _fail(value: str) -> None:
    raise ValueError(f"bad page {value}")


build_worker.register("test-echo", _echo)
build_worker.register("test-fail", _fail)
build_worker.register("test-pid", os.getpid)


@pytest.fixture(params=["1", "0"], ids=["worker", "in-process"])
def mode(request, monkeypatch):
    monkeypatch.setenv("IEP_BUILD_WORKER", request.param)
    build_worker.restart()
    yield request.param
    build_worker.stop()
    SEEN.clear()


def test_a_job_returns_its_value(mode):
    assert [build_worker.submit("test-echo", str(n)).result()[0] for n in range(3)] == ["0", "1", "2"]


def test_jobs_run_in_a_second_process_unless_turned_off(mode):
    in_worker = build_worker.submit("test-pid").result() != os.getpid()
    assert in_worker == (mode == "1" and (os.cpu_count() or 1) > 1)  # one CPU: no worker


def test_a_job_sees_the_state_loaded_before_the_worker_started(mode):
    SEEN.append("automaton for en")
    build_worker.restart()
    assert build_worker.submit("test-echo", "x").result() == ("x", ("automaton for en",))


def test_an_error_in_a_job_is_raised(mode):
    with pytest.raises(ValueError, match="bad page 7"):
        build_worker.submit("test-fail", "7").result()


def test_results_stay_readable_after_the_worker_stops(mode):
    job = build_worker.submit("test-echo", "kept")
    build_worker.stop()
    assert job.result()[0] == "kept"
