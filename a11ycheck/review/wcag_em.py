"""Verdicts from a report saved by W3C's WCAG-EM Report Tool (JSON-LD with EARL assertions), for advisors
who evaluate there instead of in the review file. What is mapped is in docs/review.md.

Two shapes are read: the 2.x/3.x evaluation (`auditResult`: one assertion per criterion, its `hasPart` one
per page, pages in `structuredSample.webpage` and `randomSample.webpage`) and the later one (`auditSample`:
one assertion per criterion and page, pages in `selectSample`). A page is known by its URL, which must be in
the sample. JSON has no line numbers worth giving: a problem names its place in the report instead.
"""

import json
from collections.abc import Iterable
from pathlib import Path

from a11ycheck.errors import UserError
from a11ycheck.review.review_file import MAX_FILE_BYTES, ReviewFileProblem, ReviewFileProblems
from a11ycheck.review.sample import Sample
from a11ycheck.review.verdicts import FAILED, NOT_APPLICABLE, PASSED, ManualVerdict
from a11ycheck.vocabulary.criteria import CRITERION_NUMBERS, criterion_by_slug

# EARL outcomes: cantTell and untested are not verdicts (the row is not tested).
OUTCOMES = {
    "earl:passed": PASSED,
    "earl:failed": FAILED,
    "earl:inapplicable": NOT_APPLICABLE,
    "earl:cantTell": None,
    "earl:untested": None,
}


def read_wcag_em_report(path: Path, expected_sample: Sample, *, sample_id: int | str) -> list[ManualVerdict]:
    """The verdicts of a WCAG-EM Report Tool report on the sample's pages, in sample and criterion order.

    A verdict given for the whole website (an assertion without per-page parts) holds for every page of the
    sample that has no verdict of its own. Criteria outside the 50 (AAA, WCAG 2.2's) are left out.
    ReviewFileProblems listing every problem when the report cannot be used; nothing is taken from it then.
    """
    reader = _ReportReader(Path(path), expected_sample, str(sample_id))
    verdicts = reader.read()
    if reader.problems:
        raise ReviewFileProblems(reader.problems)
    return verdicts


class _ReportReader:
    def __init__(self, path: Path, sample: Sample, sample_id: str):
        self.path = path
        self.sample = sample
        self.sample_id = sample_id
        self.problems: list[ReviewFileProblem] = []
        self.subjects: dict[str, str] = {}  # report's page id -> URL

    def problem(self, where: str, message: str) -> None:
        self.problems.append(
            ReviewFileProblem(str(self.path), 0, f"{where}: {message}" if where else message)
        )

    def read(self) -> list[ManualVerdict]:
        evaluation = self._evaluation(self._json())
        if evaluation is None:
            return []
        self._subjects(evaluation)
        pages: dict[tuple[str, str], ManualVerdict] = {}
        whole_site: dict[str, ManualVerdict] = {}
        for index, assertion in enumerate(_list(evaluation.get("auditResult"))):
            where = f"auditResult[{index}]"
            number = self._criterion(assertion, where)
            if number is None:
                continue
            parts = _list(assertion.get("hasPart"))
            for part_index, part in enumerate(parts):
                self._page_verdicts(part, number, f"{where}.hasPart[{part_index}]", pages)
            if not parts:
                verdict, note = self._outcome(assertion, where)
                if verdict or note:
                    whole_site[number] = ManualVerdict("", number, verdict, note)
        for index, assertion in enumerate(_list(evaluation.get("auditSample"))):
            where = f"auditSample[{index}]"
            number = self._criterion(assertion, where)
            if number is not None:
                self._page_verdicts(assertion, number, where, pages)
        for number, verdict in whole_site.items():
            for url in self.sample.urls:
                pages.setdefault((url, number), ManualVerdict(url, number, verdict.verdict, verdict.note))
        order = {url: index for index, url in enumerate(self.sample.urls)}
        return sorted(pages.values(), key=lambda v: (order[v.page_url], CRITERION_NUMBERS.index(v.criterion)))

    def _json(self) -> object:
        try:
            if self.path.stat().st_size > MAX_FILE_BYTES:
                self.problem("", "the file is larger than a report can be")
                return None
            data = self.path.read_bytes()
        except OSError as exc:
            raise UserError(f"{self.path}: cannot read the report: {exc.strerror or exc}") from None
        try:
            return json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            self.problem("", "not UTF-8: save the report from the WCAG-EM Report Tool again")
        except (json.JSONDecodeError, RecursionError) as exc:
            self.problem("", f"not a JSON file: {exc}")
        return None

    def _evaluation(self, data: object) -> dict | None:
        candidates = [data] + (_list(data.get("@graph")) if isinstance(data, dict) else [])
        for candidate in candidates:
            if isinstance(candidate, dict) and ("auditResult" in candidate or "auditSample" in candidate):
                return candidate
        if data is not None:
            self.problem(
                "", "no evaluation results (auditResult or auditSample): not a WCAG-EM Report Tool report"
            )
        return None

    def _subjects(self, evaluation: dict) -> None:
        """Page ids to URLs, from every place a report version keeps its sample."""
        select = evaluation.get("selectSample") if isinstance(evaluation.get("selectSample"), dict) else {}
        lists: list[object] = []
        for holder in (evaluation, select):
            for key in ("structuredSample", "randomSample"):
                value = holder.get(key)
                lists.append(value.get("webpage") if isinstance(value, dict) else value)
        for pages in lists:
            for page in _list(pages):
                if isinstance(page, dict) and isinstance(page.get("id"), str):
                    self.subjects[page["id"]] = _url_of(page)

    def _criterion(self, assertion: object, where: str) -> str | None:
        """The criterion's number, None for a criterion outside the 50 (or a malformed assertion, a
        problem)."""
        if not isinstance(assertion, dict):
            self.problem(where, "not an assertion")
            return None
        test = assertion.get("test") or assertion.get("testcase")
        test_id = test.get("id") if isinstance(test, dict) else test
        if not isinstance(test_id, str) or ":" not in test_id:
            self.problem(where, f"no success criterion (test {str(test_id)[:80]!r})")
            return None
        found = criterion_by_slug(test_id.split(":", 1)[1])
        return found.number if found else None

    def _outcome(self, assertion: dict, where: str) -> tuple[str | None, str]:
        result = assertion.get("result") if isinstance(assertion.get("result"), dict) else {}
        outcome = result.get("outcome")
        outcome_id = outcome.get("id") if isinstance(outcome, dict) else outcome
        note = result.get("description") if isinstance(result.get("description"), str) else ""
        if outcome_id not in OUTCOMES:
            self.problem(
                where, f"unknown outcome {str(outcome_id)[:80]!r}: expected one of {', '.join(OUTCOMES)}"
            )
            return None, note.strip()
        return OUTCOMES[outcome_id], note.strip()

    def _page_verdicts(self, assertion: object, number: str, where: str, pages: dict) -> None:
        if not isinstance(assertion, dict):
            self.problem(where, "not an assertion")
            return
        verdict, note = self._outcome(assertion, where)
        if verdict is None and not note:
            return
        for url in self._urls(assertion.get("subject"), where):
            key = (url, number)
            if key in pages and pages[key].verdict != verdict:
                self.problem(where, f"a second, different verdict for {url} and {number}")
            pages[key] = ManualVerdict(url, number, verdict, note)

    def _urls(self, subject: object, where: str) -> Iterable[str]:
        subjects = subject if isinstance(subject, list) else [subject]
        for item in subjects:
            reference = item.get("id") if isinstance(item, dict) else item
            url = self.subjects.get(reference) if isinstance(reference, str) else None
            if url is None and isinstance(item, dict):
                url = _url_of(item)
            if not url:
                self.problem(where, f"a page the report does not describe ({str(reference)[:80]!r})")
            elif url not in self.sample.urls:
                self.problem(where, f"page {url[:300]} is not in sample {self.sample_id}")
            else:
                yield url


def _url_of(page: dict) -> str:
    """A sample page's URL: its `description` (where the tool keeps it) or a `source`/`url` when there."""
    for key in ("description", "source", "url"):
        value = page.get(key)
        if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    return ""


def _list(value: object) -> list:
    return value if isinstance(value, list) else []
