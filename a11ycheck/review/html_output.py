"""The Jinja environment of the review wing's HTML (the sample and the statement draft): one for both, built
once, escaping everything, failing on a missing value rather than printing nothing."""

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("a11ycheck.review", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
