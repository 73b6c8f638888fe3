"""The shared vocabulary at the bottom of the house: page and run statuses, WCAG levels and criteria, what an
audit of one page produces, finding fingerprints.

Every stage speaks it (crawl, audit, store, charters, report, the new wings), so it imports nothing of theirs:
no browser, no database, no Scrapy. `tests/test_imports.py` keeps it so.
"""
