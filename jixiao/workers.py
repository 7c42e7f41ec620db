"""Killable worker processes with a per-file time limit.

``concurrent.futures`` cannot stop a task that hangs inside a C parser, so each worker here is
a plain ``multiprocessing.Process`` fed one file at a time over a pipe; a worker that overruns
the limit, or dies, is killed and replaced, and its file becomes a ``failed`` result. The run
goes on. Heavy imports (spaCy, jieba) happen once per worker, not once per file.
"""
from __future__ import annotations

import multiprocessing as mp
import time
import traceback
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Iterator

from jixiao.schemas import FileResult

from .settings import Settings

Task = tuple[Path, str, str]  # path, relative path, file id


READY = "ready"


def _worker(conn: Connection, settings: Settings) -> None:
    from jixiao.normalize import warm_up  # noqa: PLC0415

    from .pipeline import process_file  # noqa: PLC0415

    warm_up()
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        path, rel, fid = task
        try:
            result = process_file(path, rel, settings, file_id=fid)
        except BaseException as exc:  # noqa: BLE001 - report any crash as the file's failure
            result = FileResult(id=fid, path=rel, format="unknown", status="failed",
                                error=f"worker crashed: {type(exc).__name__}: {exc}; "
                                      + traceback.format_exc(limit=2).splitlines()[-1])
        conn.send(result.model_dump())


def _format_of(path: Path) -> str:
    from jixiao.extract import detect_format  # noqa: PLC0415

    try:
        return detect_format(path)
    except OSError:
        return "unknown"


class _Slot:
    def __init__(self, ctx, settings: Settings):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, settings), daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0
        self.limit = 0.0

    def wait_ready(self, limit: float) -> bool:
        """Block until the worker has loaded its models; False if it died or took too long."""
        if self.conn.poll(limit):
            try:
                return self.conn.recv() == READY
            except (EOFError, OSError):
                return False
        return False

    def give(self, task: Task, limit: float) -> None:
        self.task, self.started, self.limit = task, time.monotonic(), limit
        self.conn.send(task)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def time_limit(path: Path, settings: Settings) -> float:
    """The file's time limit: a base, plus a per-page allowance for PDFs (scanned pages need OCR)."""
    p = settings.pipeline
    if _format_of(path) != "pdf":
        return p.file_timeout
    try:
        import pypdfium2  # noqa: PLC0415 - ships with pdfplumber; counts pages without parsing them

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            pages = len(pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - a PDF we cannot even count gets the base limit
        pages = 0
    return p.file_timeout + p.page_timeout * pages


def _ready_or_raise(slot: _Slot, settings: Settings) -> _Slot:
    if not slot.wait_ready(settings.pipeline.worker_start_timeout):
        slot.kill()
        raise RuntimeError("a worker process could not start (loading the models failed or took too long)")
    return slot


def _new_slot(ctx, settings: Settings) -> _Slot:
    return _ready_or_raise(_Slot(ctx, settings), settings)


def run_pool(tasks: list[Task], settings: Settings) -> Iterator[tuple[Task, FileResult]]:
    """Yield (task, result) as files finish, in completion order."""
    if not tasks:
        return
    n = max(1, min(settings.pipeline.workers, len(tasks)))
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    pending = list(reversed(tasks))
    slots = [_Slot(ctx, settings) for _ in range(n)]  # started together, they load in parallel
    for s in slots:
        _ready_or_raise(s, settings)
    try:
        for s in slots:
            if pending:
                task = pending.pop()
                s.give(task, time_limit(task[0], settings))
        while any(s.task for s in slots):
            busy = [s for s in slots if s.task]
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=1.0)
            now = time.monotonic()
            for i, s in enumerate(slots):
                if not s.task:
                    continue
                task = s.task
                result = None
                if s.conn in ready:
                    try:
                        result = FileResult.model_validate(s.conn.recv())
                    except (EOFError, OSError):
                        result = None
                    if result is not None:
                        s.task = None
                        yield task, result
                        if pending:
                            nxt = pending.pop()
                            s.give(nxt, time_limit(nxt[0], settings))
                        continue
                if s.proc.sentinel in ready and not s.proc.is_alive():
                    err = f"reader process died (exit code {s.proc.exitcode})"
                elif now - s.started > s.limit:
                    err = f"timed out after {s.limit:.0f} s: the reader was stopped"
                else:
                    continue
                s.kill()
                slots[i] = _new_slot(ctx, settings)
                yield task, FileResult(id=task[2], path=task[1], format=_format_of(task[0]), status="failed",
                                       error=err)
                if pending:
                    nxt = pending.pop()
                    slots[i].give(nxt, time_limit(nxt[0], settings))
    finally:
        for s in slots:
            try:
                s.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            s.proc.join(2)
            if s.proc.is_alive():
                s.proc.kill()
