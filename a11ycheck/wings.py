"""Which wings watch a run, and so what each audited page collects beside axe: the page observers of the
wings that are on for this run (a11ycheck/page_observers.py). runs.py asks here; the wings know nothing of
runs."""

from a11ycheck.language.observer import LanguageObserver
from a11ycheck.page_observers import PageObserver
from a11ycheck.review.observer import ReviewObserver
from a11ycheck.statements.observer import StatementObserver
from a11ycheck.store import Store
from a11ycheck.targets import RunPlan


def run_observers(plan: RunPlan, store: Store) -> list[PageObserver]:
    """A fresh set of observers for one run (they keep per-run state)."""
    observers: list[PageObserver] = [ReviewObserver()]
    if plan.kind == "crawl":
        observers.append(StatementObserver())  # a crawl finds, reads and grades the site's statement
    if plan.settings.language:
        observers.append(LanguageObserver())
    return observers
