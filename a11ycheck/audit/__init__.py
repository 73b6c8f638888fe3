"""How to audit one page: the browser pool, axe injection (frames too) and time limits. No database here."""

from a11ycheck.audit.pool import BrowserPool
from a11ycheck.audit.results import NodeResult, PageResult, ViolationResult

__all__ = ["BrowserPool", "NodeResult", "PageResult", "ViolationResult"]
