"""How to audit one page: the browser pool, axe injection (frames too) and time limits. No database here.

Nothing is imported here, so `a11ycheck.audit.config` can be read without loading Selenium.
"""
