"""Typed values of a YAML mapping read with `marked_yaml`, each checked with a problem naming its line:
text, a choice from a list, a date, a number in a range, no unknown keys. What a charter is, is in loader.py.
"""

import difflib
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from a11ycheck.charters.marked_yaml import InvalidDate, LineList, LineMap


@dataclass(frozen=True)
class CharterProblem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class FieldChecker:
    """Collects every problem of one file rather than stopping at the first."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[CharterProblem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(CharterProblem(self.path, line, message))

    def check_keys(self, mapping: LineMap, allowed: tuple[str, ...], what: str) -> None:
        for key in mapping:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean {close[0]}?" if close else f"expected {', '.join(allowed)}"
            self.problem(mapping.line_of(key), f"unknown key {key!r} in {what}: {hint}")

    def text_value(self, mapping: LineMap, key: str, what: str, required: bool = True) -> str | None:
        if key not in mapping:
            if required:
                self.problem(mapping.line, f"{what} has no {key}:")
            return None
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            self.problem(mapping.line_of(key), f"{key} of {what} must be text, not {written_as(value)}")
            return None
        return value.strip()

    def choice_value(
        self, mapping: LineMap, key: str, choices: tuple[str, ...], what: str, label: str | None = None
    ) -> str | None:
        label = label or key
        if key not in mapping:
            self.problem(mapping.line, f"{what} has no {key}: (one of {', '.join(choices)})")
            return None
        value = mapping[key]
        if isinstance(value, str) and value.strip() in choices:
            return value.strip()
        close = difflib.get_close_matches(str(value), choices, n=1)
        hint = f"did you mean {close[0]}?" if close else f"use one of {', '.join(choices)}"
        self.problem(mapping.line_of(key), f"unknown {label} {written_as(value)} in {what}: {hint}")
        return None

    def date_value(self, mapping: LineMap, key: str, what: str) -> date | None:
        if key not in mapping:
            self.problem(mapping.line, f"{what} has no {key}: date (YYYY-MM-DD)")
            return None
        value = mapping[key]
        if isinstance(value, datetime):
            self.problem(mapping.line_of(key), f"{key} of {what} must be a date without a time: YYYY-MM-DD")
            return None
        if isinstance(value, date):
            return value
        text = value.text if isinstance(value, InvalidDate) else value
        if isinstance(text, str):
            try:
                return date.fromisoformat(text.strip())
            except ValueError:
                pass
        self.problem(
            mapping.line_of(key),
            f"bad date {written_as(text)} for {key} of {what}: use YYYY-MM-DD, e.g. 2026-12-31",
        )
        return None

    def number_value(
        self,
        mapping: LineMap,
        key: str,
        what: str,
        minimum: float | None,
        maximum: float | None,
        default: float | None = None,
    ) -> float | None:
        if key not in mapping:
            if default is None:
                self.problem(mapping.line, f"{what} has no {key}: (a number)")
            return default
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.problem(mapping.line_of(key), f"{key} of {what} must be a number, not {written_as(value)}")
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = (
                f"from {number_text(minimum)} to {number_text(maximum)}"
                if maximum is not None
                else f"{number_text(minimum)} or more"
            )
            self.problem(
                mapping.line_of(key),
                f"{key} {number_text(value)} of {what} is out of range: it must be {bounds}",
            )
            return None
        return float(value)


def number_text(value: float) -> str:
    return f"{value:g}"


def written_as(value: object) -> str:
    """A value as the person wrote it, for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, LineMap | dict):
        return "a mapping"
    if isinstance(value, LineList | list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)
