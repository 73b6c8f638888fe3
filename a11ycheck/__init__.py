"""a11ycheck: crawl government websites, audit every page with axe-core, keep every finding."""

__version__ = "0.1.0"
