"""The numbers of the WCAG 2.x success criteria (2.0, 2.1 and 2.2; 4.1.1 included, obsolete in 2.2).

Only the numbers, to tell a success criterion named in a statement from any other "x.y.z" (a version, a
date): the wording of the criteria is not needed here.
"""

_BY_GUIDELINE = {
    "1.1": 1, "1.2": 9, "1.3": 6, "1.4": 13, "2.1": 4, "2.2": 6, "2.3": 3, "2.4": 13, "2.5": 8,
    "3.1": 6, "3.2": 6, "3.3": 9, "4.1": 3,
}  # fmt: skip
SUCCESS_CRITERIA: frozenset[str] = frozenset(
    f"{guideline}.{number}" for guideline, count in _BY_GUIDELINE.items() for number in range(1, count + 1)
)


def criterion_order(criterion: str) -> tuple[int, ...]:
    """Sort key putting "1.4.10" after "1.4.3", as WCAG does."""
    return tuple(int(part) for part in criterion.split(".") if part.isdigit())
