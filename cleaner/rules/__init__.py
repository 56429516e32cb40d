"""Rules: a verdict for each line the segmenter kept as body text, by named rules over
vocabulary and patterns kept as data. The stage's entry is ``lines.judge`` (with
``lines.page_context``); pipeline.apply_rules runs it over a page.

    lines.py          the named line rules (structure, chrome, spam) and their verdicts
    vocab.py          chrome vocabulary: buttons, whole-line chrome patterns
    spam_patterns.py  contact ids, call-to-action words, ad keywords, blocked domains
    normalize.py      the evasion-proof form of a line (full-width, spacing, homoglyphs)
"""
