"""A real Scrapy crawl with ForumCleanerPipeline, run in its own process by tests/integrations/test_scrapy.py
(Twisted's reactor cannot be restarted inside pytest). Usage: scrapy_crawl.py OUT.jsonl MODEL URL...
(MODEL: "default" for the shipped model, "none" for rules only)."""

import sys
import threading

import scrapy
from scrapy.crawler import CrawlerProcess

from cleaner.integrations.scrapy import ForumCleanerPipeline


class ThreadRecordingPipeline(ForumCleanerPipeline):
    """The real pipeline, with the name of the thread each item was cleaned in (the reactor runs
    in the main thread of this process)."""

    def clean_item(self, item):
        item = super().clean_item(item)
        item["cleaned_in"] = "reactor" if threading.current_thread() is threading.main_thread() else "worker"
        return item


class ForumSpider(scrapy.Spider):
    name = "forum"

    def __init__(self, urls, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = urls

    def parse(self, response):
        yield {"url": response.url, "html": response.body, "headers": dict(response.headers.to_unicode_dict())}


def main(out_path: str, model: str, urls: list[str]) -> None:
    for url in urls:  # this test crawl must never leave the machine
        assert url.startswith("http://127.0.0.1:"), url
    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {ThreadRecordingPipeline: 300},
        "FORUM_CLEANER_HTML_FIELD": "html",
        "FORUM_CLEANER_TEXT_FIELD": "text",
        "FORUM_CLEANER_TITLE_FIELD": "title",
        "FORUM_CLEANER_AUDIT_FIELD": "removed",
        "FORUM_CLEANER_DROP_EMPTY": True,
        "FORUM_CLEANER_KEEP_HTML": False,
        "FORUM_CLEANER_MODEL": None if model == "default" else model,
        "FEEDS": {out_path: {"format": "jsonlines", "encoding": "utf8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "DOWNLOADER_MIDDLEWARES": {"scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None},
        "LOG_LEVEL": "WARNING",
    })
    process.crawl(ForumSpider, urls=urls)
    process.start()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
