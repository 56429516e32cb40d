"""Adapters that plug the cleaner into other tools (``scrapy``: an item pipeline).

Each adapter imports its tool lazily, so ``import cleaner`` never needs Scrapy installed.
"""
