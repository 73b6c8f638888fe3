"""Memory of a whole process tree, sampled from /proc: a process and every descendant (browsers too).

RSS is summed over the processes, so memory shared between Chromium's processes (libraries, the zygote's
pages) counts once per process: an upper bound of what the tree uses, the same way for every tool. PSS
(proportional set size, from /proc/PID/smaps_rollup) shares such memory out between the processes using
it, so its sum is what the tree costs the machine; it is slower to read, so it is sampled every fifth time.
"""

import os
import threading
import time
from dataclasses import dataclass, field

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


def _processes() -> dict[int, tuple[int, int]]:
    """{pid: (parent pid, RSS in bytes)} of every process we can read."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        # after the command: state, ppid, ... rss is field 24 of stat, the 22nd after the command
        found[int(entry.name)] = (int(fields[1]), int(fields[21]) * PAGE_SIZE)
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
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    members, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in processes:
            members[pid] = processes[pid][1]
            stack.extend(children.get(pid, ()))
    return members


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
    def peak_pss_bytes(self) -> int:
        return max((pss for _, pss in self.pss_samples), default=0)

    def _run(self) -> None:
        while True:
            members = tree_members(self.root)
            now = time.monotonic() - self._started
            self.samples.append((now, sum(members.values()), len(members)))
            if len(self.samples) % self.pss_every == 1:
                self.pss_samples.append((now, sum(_pss(pid) for pid in members)))
            if self._stop.wait(self.interval):
                return
