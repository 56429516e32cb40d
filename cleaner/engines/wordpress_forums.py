"""Forum and Q&A plugins of WordPress: wpForo, Asgaros Forum, DW Question & Answer, AnsPress.

Each plugin renders its own stable markup inside any WordPress theme; the fingerprints are class
names the plugin owns (checked against the page's class list first, so they cost little).
Markup learned from the plugins' templates and real sites running them, read to learn markup only:

* wpForo: div.wpforo-post > div.wpf-left (author card) + div.wpf-right > div.wpforo-post-content,
  div.wpforo-post-signature, quotes blockquote with div.wpforo-post-quote-author.
* Asgaros Forum: div.post-element (first one .first-post) > div.post-author + div.forum-post-header
  (div.forum-post-date) + div.post-message; 2.x wraps the author in div.forum-post-header-container
  and the header and message in div.post-wrapper. Each message carries a display:none copy of
  itself as a quote template (div#post-quote-container-N): hidden, not content.
* DW Question & Answer: div.dwqa-question-item / div.dwqa-answer-item > div.dwqa-*-meta
  (author, date) + div.dwqa-question-content / div.dwqa-answer-content; comments div.dwqa-comments.
* AnsPress: div#question / div.answer > div.ap-q-inner > div.ap-q-content (question-content /
  ap-answer-content) and div.ap-q-metas; comments div.ap-comments.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class


WPFORO = EngineTable(
    name="wpforo",
    fingerprints=(
        Fingerprint("wpforo-post-content", 2.0, xpath=f"//div[{has_class('wpforo-post')}]//div[{has_class('wpforo-post-content')}]"),
    ),
    post=f"//div[{has_class('wpforo-post')}][.//div[{has_class('wpforo-post-content')}]]",
    body=f"(.//div[{has_class('wpforo-post-content')}])[1]",
    author=f"(.//*[{has_class('author-name')}]//a | .//a[{has_class('wpf-member-profile-button')}])[1]",
    date=f"(.//*[{has_class('wpforo-post-content-top')}]//*[{has_class('wpf-post-date')}] | .//*[{has_class('cbleft')}])[1]",
    title=f"//h1 | //*[{has_class('wpforo-post-head')}]//h3",
    quote=(f".//blockquote[.//div[{has_class('wpforo-post-quote-author')}]]",),
    signature=(f".//div[{has_class('wpforo-post-signature')}]",),
    drop=(f".//div[{has_class('wpforo-post-content-bottom')}]", f".//div[{has_class('wpf-post-actions')}]"),
    notes="wpForo 1.x/2.x: div.wpforo-post > div.wpforo-post-content; wp-content/plugins/wpforo.",
)

ASGAROS = EngineTable(
    name="asgaros",
    fingerprints=(
        # Asgaros 1.x puts div.post-author right in the post, 2.x inside div.forum-post-header-container.
        Fingerprint("post-element-message", 2.0, xpath=f"//div[{has_class('post-element')}]//div[{has_class('post-author')}]"),
    ),
    post=f"//div[{has_class('post-element')}][.//div[{has_class('post-message')}]]",
    body=f"(.//div[{has_class('post-message')}])[1]",
    author=f"(.//div[{has_class('post-author-block-name')}]//a | .//div[{has_class('post-author')}]//a)[1]",
    date=f"(.//div[{has_class('forum-post-date')}])[1]",
    title=f"//h1[@id='forum-title'] | //h1",
    quote=(f".//blockquote[.//div[{has_class('quotetitle')}]]",),
    signature=(f".//div[{has_class('signature')}]",),
    drop=(f".//div[{has_class('post-footer')}]", f".//div[{has_class('post-reactions')}]"),
    notes="Asgaros Forum: div.post-element > div.post-author + div.forum-post-header + div.post-message.",
)

DWQA = EngineTable(
    name="dwqa",
    fingerprints=(
        Fingerprint("dwqa-single-question", 2.0, xpath=f"//div[{has_class('dwqa-single-question')}]"),
    ),
    post=(
        f"//div[{has_class('dwqa-question-item')}][.//div[{has_class('dwqa-question-content')}]]"
        f" | //div[{has_class('dwqa-answer-item')}][.//div[{has_class('dwqa-answer-content')}]]"
    ),
    body=f"(.//div[{has_class('dwqa-question-content')}] | .//div[{has_class('dwqa-answer-content')}])[1]",
    author=f"(.//*[{has_class('dwqa-question-meta')} or {has_class('dwqa-answer-meta')}]//a[not(img)])[1]",
    date=f"(.//*[{has_class('dwqa-question-meta')} or {has_class('dwqa-answer-meta')}]//time"
         f" | .//*[{has_class('dwqa-question-meta')} or {has_class('dwqa-answer-meta')}])[1]",
    title=f"//h1[{has_class('entry-title')}] | //h1",
    drop=(f".//div[{has_class('dwqa-comments')}]",),
    notes="DW Question & Answer (free/pro): div.dwqa-question-item / div.dwqa-answer-item.",
)

ANSPRESS = EngineTable(
    name="anspress",
    fingerprints=(
        Fingerprint("ap-q-content", 2.0, xpath=f"//div[{has_class('ap-q-inner')}]//div[{has_class('ap-q-content')}]"),
    ),
    post=f"//div[{has_class('ap-q-inner')}][.//div[{has_class('ap-q-content')}]]",
    body=f"(.//div[{has_class('ap-q-content')}])[1]",
    author=f"(.//div[{has_class('ap-q-metas')}]//a)[1]",
    date=f"(.//div[{has_class('ap-q-metas')}]//time)[1]",
    title=f"//h1[{has_class('entry-title')}] | //h1",
    drop=(f".//div[{has_class('ap-comments')}]", f".//div[{has_class('ap-post-footer')}]"),
    notes="AnsPress 4.x: div.ap-q-inner > div.ap-q-metas + div.ap-q-content (question and answers).",
)

TABLES: tuple[EngineTable, ...] = (WPFORO, ASGAROS, DWQA, ANSPRESS)
