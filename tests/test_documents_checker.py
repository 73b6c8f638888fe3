"""DocumentChecker: checks in worker processes, under a time and a memory limit, never leaving one behind.

Small limits keep these fast: a 1-second time limit against a 50,000-page file whose caps were lifted
(reading it takes about 4 s), and a 256 MiB memory limit against a stream that inflates to 2 GiB.
"""

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from helpers import wait_until

from a11ycheck.documents import CORPUS, DocumentChecker, DocumentCheckerError, DocumentLimits, check_document
from a11ycheck.documents.checker import _death
from a11ycheck.documents.samples_hostile_pdf import many_pages
from a11ycheck.errors import UserError

NAMES = (
    "accessible.pdf", "no-title.pdf", "accessible.docx", "image-without-alt.odt", "truncated.pdf",
    "html-named.pdf", "empty.pdf", "password.pdf", "compression-bomb.pdf", "deep-structure.pdf",
)  # fmt: skip
LIFTED = DocumentLimits(max_pages=10**6, max_text_pages=10**6, max_stream_bytes=8 << 30)


def worker_pids() -> set[int]:
    """This test process's worker children, as the system sees them."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"a11ycheck.documents.worker" in cmdline and " Z " not in stat[:60]:
            pids.add(int(entry.name))
    return pids


def worker_has_open(path: Path) -> bool:
    """Whether one of this process's workers has `path` open: the check of it is under way."""
    for pid in worker_pids():
        try:
            if any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir()):
                return True
        except OSError:  # the worker or one of its files went away meanwhile
            continue
    return False


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name in NAMES:
        (folder / name).write_bytes(CORPUS[name]())
    (folder / "slow.pdf").write_bytes(many_pages(50_000))
    return folder


def test_workers_give_the_same_results_as_checking_in_process(corpus):
    with DocumentChecker(timeout=20) as checker:
        for name in NAMES:
            url = f"https://www.voorbeeld.be/{name}"
            from_worker = checker.check(
                corpus / name, name=url, last_modified="Mon, 05 Jan 2015 10:00:00 GMT"
            )
            in_process = check_document(
                corpus / name, name=url, last_modified="Mon, 05 Jan 2015 10:00:00 GMT"
            )
            assert from_worker == in_process, name
            assert from_worker.to_dict() == in_process.to_dict()
    assert worker_pids() == set()


def test_a_check_that_takes_too_long_is_killed_and_its_worker_replaced(corpus):
    with DocumentChecker(timeout=1.0, limits=LIFTED) as checker:
        assert checker.check(corpus / "accessible.pdf").status == "checked"
        (first,) = worker_pids()
        started = time.monotonic()
        result = checker.check(corpus / "slow.pdf", name="https://www.voorbeeld.be/register.pdf")
        elapsed = time.monotonic() - started
        assert (result.status, result.message) == ("timeout", "checking took longer than 1 s: stopped")
        assert (result.type, result.accessible, result.checks) == ("pdf", None, ())
        assert len(result.sha256) == 64
        assert 1.0 <= elapsed < 4.0
        assert worker_pids() == set()  # killed, not left running
        assert checker.check(corpus / "no-title.pdf").check("title").outcome == "failed"
        (second,) = worker_pids()
        assert second != first
    assert worker_pids() == set()


def test_the_same_file_passes_with_enough_time(corpus):
    with DocumentChecker(timeout=60, limits=LIFTED) as checker:
        result = checker.check(corpus / "slow.pdf")
    assert (result.status, result.pages) == ("checked", 50_000)


def test_a_check_that_balloons_is_stopped_by_the_memory_limit(corpus):
    """With the stream cap lifted, inflating the bomb needs 2 GiB; the worker may have 256 MiB."""
    with DocumentChecker(timeout=30, memory_bytes=256 << 20, limits=LIFTED) as checker:
        result = checker.check(corpus / "compression-bomb.pdf")
        assert (result.status, result.message) == ("too-large", "checking it needed more memory than allowed")
        assert worker_pids() == set()  # a worker that hit a limit is retired
        assert checker.check(corpus / "accessible.pdf").accessible is True


def test_the_stream_cap_stops_the_bomb_before_the_memory_limit_does(corpus):
    with DocumentChecker(timeout=30, memory_bytes=256 << 20) as checker:
        result = checker.check(corpus / "compression-bomb.pdf")
    assert result.status == "too-large"
    assert (
        result.message
        == "a content stream on page 1 inflates to more than 67108864 bytes (a compression bomb?)"
    )


def test_without_the_memory_limit_the_stream_cap_still_stops_the_bomb(corpus):
    with DocumentChecker(timeout=30, memory_bytes=None) as checker:
        result = checker.check(corpus / "compression-bomb.pdf")
    assert result.status == "too-large"
    assert (
        result.message
        == "a content stream on page 1 inflates to more than 67108864 bytes (a compression bomb?)"
    )


def test_several_threads_share_the_workers(corpus):
    names = ["accessible.pdf", "no-title.pdf", "accessible.docx", "image-without-alt.odt"] * 3
    results: dict[int, object] = {}
    seen_workers: set[int] = set()

    def check(index: int, name: str) -> None:
        results[index] = checker.check(corpus / name)
        seen_workers.update(worker_pids())

    with DocumentChecker(workers=2, timeout=30) as checker:
        threads = [threading.Thread(target=check, args=(i, name)) for i, name in enumerate(names)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert [results[i].accessible for i in range(len(names))] == [True, False, True, False] * 3
    assert [results[i].type for i in range(4)] == ["pdf", "pdf", "docx", "odt"]
    assert 1 <= len(seen_workers) <= 2
    assert worker_pids() == set()


def test_close_stops_a_check_running_in_another_thread(corpus):
    outcome: list[BaseException | object] = []

    def check() -> None:
        try:
            outcome.append(checker.check(corpus / "slow.pdf"))
        except BaseException as exc:  # the test looks at what was raised
            outcome.append(exc)

    checker = DocumentChecker(timeout=60, limits=LIFTED)
    thread = threading.Thread(target=check)
    thread.start()
    wait_until(lambda: worker_has_open(corpus / "slow.pdf"), 30, "no worker is reading slow.pdf")
    assert len(worker_pids()) == 1
    started = time.monotonic()
    checker.close()
    thread.join(10)
    assert time.monotonic() - started < 3
    assert isinstance(outcome[0], DocumentCheckerError)
    assert str(outcome[0]) == "the document checker was closed during a check"
    assert worker_pids() == set()
    with pytest.raises(DocumentCheckerError, match="^the document checker is closed$"):
        checker.check(corpus / "accessible.pdf")


def test_ctrl_c_during_a_check_leaves_no_worker(corpus):
    checker = DocumentChecker(timeout=60, limits=LIFTED)

    def press_ctrl_c() -> None:
        wait_until(lambda: worker_has_open(corpus / "slow.pdf"), 30, "no worker is reading slow.pdf")
        os.kill(os.getpid(), signal.SIGINT)

    # Ctrl-C raises KeyboardInterrupt as at a terminal, even in a test run started with SIGINT ignored
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    presser = threading.Thread(target=press_ctrl_c)
    try:
        presser.start()
        with pytest.raises(KeyboardInterrupt):
            checker.check(corpus / "slow.pdf")
        presser.join()
    finally:
        signal.signal(signal.SIGINT, inherited)
    assert worker_pids() == set()  # gone before close(): the interrupted check killed its worker
    checker.close()


@pytest.mark.parametrize(
    ("sig", "status", "message"),
    [
        (signal.SIGSEGV, "unreadable", "the checker crashed on this file (signal SIGSEGV)"),
        (
            signal.SIGKILL,
            "too-large",
            "the checker ran out of memory on this file (limit of 1024 MiB) and was stopped",
        ),
        (signal.SIGXCPU, "timeout", "checking used more CPU time than allowed: stopped"),
    ],
)
def test_a_worker_that_dies_mid_check_is_reported_and_replaced(corpus, sig, status, message):
    with DocumentChecker(timeout=60, limits=LIFTED) as checker:
        checker.check(corpus / "accessible.pdf")
        (pid,) = worker_pids()

        def kill_during_the_check() -> None:
            wait_until(lambda: worker_has_open(corpus / "slow.pdf"), 30, "no worker is reading slow.pdf")
            os.kill(pid, sig)

        killer = threading.Thread(target=kill_during_the_check)
        killer.start()
        result = checker.check(corpus / "slow.pdf")
        killer.join()
        assert (result.status, result.message) == (status, message)
        assert checker.check(corpus / "accessible.pdf").status == "checked"
    assert worker_pids() == set()


def test_bad_usage_and_oversized_files_never_reach_a_worker(corpus, tmp_path):
    with DocumentChecker(limits=DocumentLimits(max_bytes=1000)) as checker:
        with pytest.raises(UserError, match="^no such file: "):
            checker.check(tmp_path / "weg.pdf")
        result = checker.check(corpus / "accessible.pdf", name="https://x.be/a.pdf")
        size = (corpus / "accessible.pdf").stat().st_size
        assert (result.status, result.type, result.message) == (
            "too-large",
            "pdf",
            f"the file is {size} bytes (limit 1000)",
        )
        assert worker_pids() == set()


def test_a_worker_that_cannot_start_is_the_checkers_error(corpus, tmp_path):
    with DocumentChecker(python="/bin/false") as checker:
        with pytest.raises(
            DocumentCheckerError, match="^a document checker worker could not start: it exited"
        ):
            checker.check(corpus / "accessible.pdf")
    with DocumentChecker(python=str(tmp_path / "no-python")) as checker:
        with pytest.raises(
            DocumentCheckerError, match="^a document checker worker could not start: .*no-python"
        ):
            checker.check(corpus / "accessible.pdf")
    assert worker_pids() == set()


def test_an_unknown_death_without_a_signal():
    assert _death(3, None) == ("unreadable", "the checker crashed on this file (exit code 3)")
