"""Scrapy spiders: what to crawl. They yield items and know nothing of browsers or databases."""
