"""Per-page work that can run beside the build, in a second process.

MkDocs renders pages one at a time, on one core. Two hooks have per-page work whose
result is needed only later: the glossary marks the terms of every page (needed when the
page's template is rendered, after every page has been converted from Markdown), and the
link check reads every written page (needed once every language is built). They send it
here as jobs:

    job = build_worker.submit("glossary", batch)   # a name registered with `register`
    ...
    result = job.result()

On Linux with two or more CPUs, a job goes to one forked worker process, which inherits
what the hooks had loaded when it started; it runs the jobs in order while the build goes
on. `restart()` makes the next job start a new worker, with the state loaded since (the
glossary calls it in each language's build, once its automata are ready); `stop()` waits
for the last jobs and ends it. Elsewhere, or with IEP_BUILD_WORKER=0, a job runs at once in the
build's own process. Either way the results are the
same.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

_jobs: dict[str, Callable] = {}
_pool: ProcessPoolExecutor | None = None


def register(name: str, function: Callable) -> None:
    """Make `function` a job. It runs with the state its module had when the worker started,
    and takes and returns only what pickle can carry (strings, tuples, lists)."""
    _jobs[name] = function


def submit(name: str, *args) -> Future | _Done:
    """Run a registered job: in the worker when there can be one (an error in the job is
    raised by `result()`), else here and now."""
    global _pool
    if not _parallel():
        return _Done(_run(name, args))
    if _pool is None:
        # The worker starts with a copy of the build's memory: gc.freeze() keeps its garbage
        # collector from walking (and so copying) all of it again and again.
        _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=gc.freeze)
    return _pool.submit(_run, name, args)


def restart() -> None:
    """Let the next job start a new worker (after the jobs sent so far are done)."""
    stop()


def stop() -> None:
    """Wait for the jobs sent so far, then end the worker (their results stay readable)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True)
        _pool = None


class _Done:
    """A job already run in this process: its value."""

    def __init__(self, value) -> None:
        self._value = value

    def result(self):
        return self._value


def _run(name: str, args: tuple):
    return _jobs[name](*args)


def _parallel() -> bool:
    return (sys.platform == "linux" and (os.cpu_count() or 1) > 1
            and os.environ.get("IEP_BUILD_WORKER", "1") != "0")
