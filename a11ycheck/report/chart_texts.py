"""What each chart shows, in a sentence: the conclusion its text alternative states (WCAG 1.1.1), beside the
table that holds its numbers. The geometry is charts.py's; the words are the report's (i18n.Messages).
"""

from collections.abc import Callable
from datetime import date

from a11ycheck.report.charts import BarChart, concluded, largest_bar
from a11ycheck.report.i18n import Messages


def trend_conclusion(
    values: list[tuple[date, float]], format_value: Callable[[float], str], messages: Messages
) -> str:
    """ "Van 1,25 op 10 januari 2026 naar 1,00 op 10 februari 2026." """
    (first_day, first), (last_day, last) = values[0], values[-1]
    return messages(
        "chart_trend_conclusion",
        first=format_value(first),
        first_date=messages.day(first_day),
        last=format_value(last),
        last_date=messages.day(last_day),
    )


def bar_conclusion(
    chart: BarChart | None, messages: Messages, sentence: str = "chart_most"
) -> BarChart | None:
    """A bar chart whose text alternative names its largest bar, in the message `sentence`."""
    if chart is None:
        return None
    bar = largest_bar(chart)
    return concluded(chart, messages(sentence, label=bar.label, value=bar.value_label))
