"""The Scrapy wing, installed as a11ycheck.spiders: the spider (what to crawl: scope, robots.txt, sitemaps,
traps; it yields items and knows nothing of browsers or databases), its items, the downloader middlewares
(address and scope guards, the egress proxy), the Scrapy settings, the download handler that lets the
auditing browser fetch each page (browser_fetch.py) and the item pipeline that hands pages to the audit and
the recorder (pipelines.py)."""
