"""A checker worker process: one job per line on standard input, one result per line on standard output.

DocumentChecker starts it as `python -m a11ycheck.documents.worker --memory BYTES`. It limits its own
address space (RLIMIT_AS) before it reads a job, so a ballooning check fails inside it (MemoryError,
reported as too-large) instead of taking the machine's memory; the limit counts the interpreter and the
parsers already loaded (about 50 MiB). Before each job it also limits its CPU time
to a little past the job's time limit (RLIMIT_CPU): the parent kills a late worker, and this is the
backstop should the parent itself be gone.
"""

import argparse
import json
import os
import resource
import sys

CPU_MARGIN_SECONDS = 5


def _limit_cpu(seconds: float) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + seconds + CPU_MARGIN_SECONDS)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m a11ycheck.documents.worker")
    parser.add_argument("--memory", type=int, default=0, help="address-space limit in bytes (0: none)")
    args = parser.parse_args(argv)
    # Standard output carries the results: keep it to ourselves, and send whatever a library prints to
    # standard error instead.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    if args.memory:
        resource.setrlimit(resource.RLIMIT_AS, (args.memory, args.memory))
    try:
        from a11ycheck.documents.check import check_document
        from a11ycheck.documents.limits import DocumentLimits
        from a11ycheck.documents.results import Status
        from a11ycheck.errors import UserError
    except BaseException as exc:  # tell the parent why, whatever it is
        channel.write(json.dumps({"ready": False, "error": f"{type(exc).__name__}: {exc}"}) + "\n")
        return 1
    channel.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        job = json.loads(line)
        _limit_cpu(job["timeout"])
        try:
            result = check_document(
                job["path"],
                name=job["name"],
                content_type=job["content_type"],
                last_modified=job["last_modified"],
                limits=DocumentLimits(**job["limits"]),
                sha256=job["sha256"],
            )
        except UserError as exc:
            channel.write(json.dumps({"error": str(exc)}) + "\n")
            continue
        # after a check that hit a limit (perhaps a MemoryError) the parent starts a fresh worker
        retire = result.status is Status.TOO_LARGE
        channel.write(json.dumps({"result": result.to_dict(), "retire": retire}) + "\n")
        if retire:
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
