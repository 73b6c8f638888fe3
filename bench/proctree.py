"""Memory of a whole process tree, sampled from /proc: a process and every descendant (browsers too).

RSS is summed over the processes, so memory shared between Chromium's processes (libraries, the zygote's
pages) counts once per process: an upper bound of what the tree uses, the same way for every tool. PSS
(proportional set size, from /proc/PID/smaps_rollup) shares such memory out between the processes using
it, so its sum is what the tree costs the machine; it is slower to read, so it is sampled every fifth time.
"""

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


def _processes() -> dict[int, tuple[int, int, float]]:
    """{pid: (parent pid, RSS in bytes, CPU seconds so far)} of every process we can read."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        # after the command: state, ppid, ...; utime and stime are fields 14 and 15 of stat, rss field 24
        cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        found[int(entry.name)] = (int(fields[1]), int(fields[21]) * PAGE_SIZE, cpu)
    return found


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_members(root: int) -> dict[int, int]:
    """{pid: RSS in bytes} of `root` and all its descendants."""
    return {pid: rss for pid, (rss, _) in _tree(root).items()}


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds so far of `root` and its living descendants (an exited process takes its own along)."""
    return sum(cpu for _, cpu in _tree(root).values())


def _tree(root: int) -> dict[int, tuple[int, float]]:
    """{pid: (RSS in bytes, CPU seconds so far)} of `root` and all its descendants."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    members, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in processes:
            members[pid] = processes[pid][1:]
            stack.extend(children.get(pid, ()))
    return members


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def browser_trees(members) -> list[set[int]]:
    """The pids of each browser among `members`: a Chromium process whose parent is not a Chromium (a
    driver started it), with all its descendants (renderers, GPU and utility processes)."""
    processes = _processes()
    names = {pid: _name(pid) for pid in members}
    roots = [
        pid
        for pid in members
        if is_chromium(names[pid]) and not is_chromium(names.get(processes.get(pid, (0,))[0], ""))
    ]
    return [set(tree_members(root)) for root in roots]


def is_chromium(name: str) -> bool:
    """A process of chromium or of chromium-headless-shell (whose name the kernel cuts to 15 characters)."""
    return name.startswith("chromium")


def tree_rss(root: int) -> tuple[int, int]:
    """(RSS in bytes, number of processes) of `root` and all its descendants."""
    members = tree_members(root)
    return sum(members.values()), len(members)


def tree_pss(root: int) -> int:
    """PSS in bytes of `root` and all its descendants."""
    return sum(_pss(pid) for pid in tree_members(root))


@dataclass
class TreeMemory:
    """Samples a process tree's RSS every `interval` seconds on a thread, from `start()` to `stop()`."""

    root: int
    interval: float = 0.2
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (seconds, RSS bytes, processes)
    pss_samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds, PSS bytes)
    pss_every: int = 5
    cpu_seconds: dict[int, float] = field(default_factory=dict)  # last seen CPU time of every member
    peak_browser_pss_bytes: int = 0  # the largest PSS of one browser (a Chromium and its helpers) seen
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    def start(self) -> "TreeMemory":
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> "TreeMemory":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def peak_bytes(self) -> int:
        return max((rss for _, rss, _ in self.samples), default=0)

    @property
    def root_cpu_seconds(self) -> float:
        """CPU time of the root process (the tool's own code, Python or Node)."""
        return self.cpu_seconds.get(self.root, 0.0)

    @property
    def descendants_cpu_seconds(self) -> float:
        """CPU time of every descendant seen (the browsers and their drivers), exited ones included."""
        return sum(cpu for pid, cpu in self.cpu_seconds.items() if pid != self.root)

    @property
    def peak_pss_bytes(self) -> int:
        return max((pss for _, pss in self.pss_samples), default=0)

    def _run(self) -> None:
        while True:
            members = _tree(self.root)
            now = time.monotonic() - self._started
            self.samples.append((now, sum(rss for rss, _ in members.values()), len(members)))
            for pid, (_, cpu) in members.items():
                self.cpu_seconds[pid] = cpu
            if len(self.samples) % self.pss_every == 1:
                pss = {pid: _pss(pid) for pid in members}
                self.pss_samples.append((now, sum(pss.values())))
                for browser in browser_trees(members):
                    browser_pss = sum(pss.get(pid, 0) for pid in browser)
                    self.peak_browser_pss_bytes = max(self.peak_browser_pss_bytes, browser_pss)
            if self._stop.wait(self.interval):
                return


def stop_process_groups(processes: Iterable[subprocess.Popen], grace: float = 40.0) -> None:
    """SIGTERM the process group of each process still running (crawls stop cleanly and close their
    browsers), wait up to `grace` seconds in all, then SIGKILL what is left of each group. Each process
    must have been started with `start_new_session=True`."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in running:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
        _signal_group(process, signal.SIGKILL)
        process.wait(timeout=10)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass
