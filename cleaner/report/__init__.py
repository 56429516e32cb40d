"""``forum-cleaner report``: a batch's audit as one static HTML file.

    audit.py    every line of a page with its decision and model score (from records or pages)
    source.py   pages cleaned here, or the records of a ``clean --format jsonl --audit`` run
    build.py    the HTML: summary, inline-SVG score histogram, pages by spam removed
    command.py  the command line
    templates/  report.html, report.css, report.js (package data, inlined into the report)
"""

from .command import add_parser, run

__all__ = ["add_parser", "run"]
