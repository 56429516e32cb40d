"""Forum chrome vocabulary, as data. Each entry is a named pattern of a WHOLE line
(after NFKC folding and whitespace collapsing) that is chrome wherever it appears in a
post: buttons, floor markers, "posted at" lines, edit notices, footers. Engine tables
add their own lines; these are the ones shared by most engines.
"""

from __future__ import annotations

from ..lexicon import ATTRIBUTION_LINE, MONTH

# Single tokens that make a line chrome when the line consists only of them
# (separated by spaces, "|", "·", "/"): "分享 转发", "回复 引用 举报", "Quote Reply".
BUTTON_WORDS: frozenset[str] = frozenset(
    """
    注册 登录 登陆 立即注册 找回密码 退出 回复 引用 举报 分享 转发 收藏 支持 反对 评分 点评 使用道具
    只看该作者 只看楼主 倒序浏览 正序浏览 阅读模式 打印 电梯直达 返回列表 返回顶部 上一主题 下一主题
    快速回复 发新话题 发新帖 发帖 发表回复 回复该主题 回复主题 查看 查看全部 显示全部楼层 复制链接 复制代码 複製代碼
    TOP top Top 顶部 顶端 本帖 新窗 加为好友 发消息 发短消息 编辑 删除 置顶 精华
    推荐 关注 私信 点赞 赞 踩 收起 展开 更多 分享到 微博 QQ空间 微信 朋友圈 今日 主题 帖子 积分
    Quote Reply Report Like Share Multi-Quote MultiQuote Top Permalink Edit Delete Flag Follow
    Unfollow Bookmark Thanks Thank Reply With Quote +Quote Back to top Go Up Logged Print
    """.split()
)
BUTTON_SEPARATORS = r"[\s|｜·•/／,，]+"

# Pieces of the reply-summary and byline patterns below (data, shared by them; month names
# are the lexicon's, shared with every rule that reads dates).
_CLOCK = r"(?:,?\s*(?:at\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?"
# A date with its year: "Mar 3, 2022", "3 March 2022", "2022-03-03 10:20".
_FULL_DATE = (rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
              rf"|\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?){_CLOCK}")
# How a post template shows when: a full date, "Feb 22", "2 years ago", "1周前", "昨天".
_POST_AGE = (rf"(?:{_FULL_DATE}|{MONTH}\s+\d{{1,2}}\b{_CLOCK}|\d{{1,2}}\s+{MONTH}"
             r"|(?:about\s+|over\s+|almost\s+)?(?:\d{1,3}|an?)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago"
             r"|[0-9一二三四五六七八九十]{1,3}\s*(?:秒|分钟|小时|天|周|个月|月|年)前|刚刚|昨天|前天|yesterday|today)")
# A byline's name: one to three words without sentence punctuation or separators.
_BYLINE_NAME = r"[^\s|｜•·.,!?;:，。！？；：()（）]{1,24}(?:\s[^\s|｜•·.,!?;:，。！？；：()（）]{1,24}){0,2}"
_BYLINE_SEPARATOR = r"(?:\s*[|｜•·]\s*|\s+[-–—]\s+)"

# What an engine shows in place of a deleted, removed or hidden post, per locale: (language,
# regex of the whole line, trailing "!" / "." / "。" allowed by DELETED_PLACEHOLDER). A post
# that is only this line says nothing: in every locale it goes like the English one.
DELETED_PLACEHOLDERS: tuple[tuple[str, str], ...] = (
    ("zh", r"(?:该|此|這|这|本)(?:条|則|则|個|个)?(?:评论|評論|回复|回覆|回帖|帖子?|貼文|帖文|楼层|樓層|内容|內容|留言|回答|主题|主題)"
           r"(?:已经|已經|已)(?:被)?(?:作者|管理员|管理員|版主)?(?:删除|刪除|屏蔽|隐藏|隱藏|折叠|折疊)"
           r"(?:[,，]\s*(?:只有|仅|僅).{1,40})?"),
    ("zh", r"(?:内容|內容|回复|回覆|评论|評論)(?:已被)?(?:删除|刪除|屏蔽|隐藏)"),
    ("en", r"(?:This|The) (?:post|comment|reply|message|answer|topic) (?:has been|was|is) (?:deleted|removed|hidden)"
           r"(?: by (?:the )?(?:author|user|a moderator|moderators?|admin(?:istrator)?|\S{1,40}))?"
           r"(?:\s*\.?\s*(?:Only users with .{1,80}|Reason: .{1,80}))?"),
    ("en", r"\[(?:deleted|removed)(?: by (?:user|author|moderator))?\]|Comment (?:deleted|removed) by (?:user|moderator|author)"
           r"|\((?:post|comment) (?:deleted|withdrawn) by (?:the )?author.{0,120}\)|\[?(?:Post|Message|Comment) deleted\]?"),
    ("de", r"Diese[rsn]? (?:Beitrag|Kommentar|Antwort|Nachricht) (?:wurde|ist) (?:gelöscht|entfernt)(?: worden)?"
           r"(?: von .{1,40})?|\[gelöscht\]"),
    ("fr", r"Ce (?:message|commentaire|sujet) a été (?:supprimé|retiré)(?: par .{1,40})?|\[supprimé\]"),
    ("es", r"¡?(?:Este|El) (?:mensaje|comentario|tema) (?:está|ha sido|fue) (?:eliminado|borrado)(?: por .{1,40})?"),
    ("pt", r"(?:Esta|Este) (?:mensagem|postagem|comentário|post) (?:foi|está) (?:excluíd[ao]|apagad[ao]|removid[ao])"),
    ("it", r"Questo (?:messaggio|post|commento) è stato (?:eliminato|cancellato|rimosso)"),
    ("nl", r"Dit (?:bericht|commentaar) is (?:verwijderd|gewist)"),
    ("ru", r"(?:Это|Данное) (?:сообщение|комментарий) (?:было )?удален[оа]?"),
    ("ja", r"この(?:投稿|コメント|返信)は削除され(?:ました|ています)"),
    ("ko", r"(?:삭제된|이) (?:게시물|댓글|글)(?:입니다|은 삭제되었습니다)"),
)
DELETED_PLACEHOLDER = "(?:" + "|".join(f"(?:{rx})" for _, rx in DELETED_PLACEHOLDERS) + r")\s*[!！.。]?"

# Named whole-line chrome patterns: (rule name, kind, regex). Order matters only for
# which name the audit reports when several match.
CHROME_LINES: tuple[tuple[str, str, str], ...] = (
    ("floor-marker", "chrome", r"(?:#\s*\d{1,5}|\d{1,5}\s*#|\d{1,5}\s*楼|第\s*\d{1,5}\s*楼|楼主|沙发|板凳|地板|地下室)"),
    ("copy-link", "chrome", r".{0,200}\[\s*复制链接\s*\]"),
    ("posted-at", "chrome", r"(?:发表于|發表於|发表时间[:：]?|发帖时间[:：]?|Posted(?: on)?:?)\s*.{0,40}\d{1,4}[-/年:.]\d{1,2}.{0,30}"),
    ("edit-notice", "edit", r"(?:本帖最后由|本帖最後由).{1,80}(?:编辑|編輯)|Last edited by .{1,120}|(?:Edited|Modified) by .{1,80}"),
    ("thread-stats", "chrome", r"(?:查看|閱讀|阅读)[:：]?\s*\d+\s*[|｜]?\s*(?:回复|回覆)[:：]?\s*\d+.*"),
    ("powered-by", "chrome", r".{0,60}(?:Powered by|Forum software by|Copyright ©|©\s*\d{4}|ICP备|ICP証|ICP证|公网安备).{0,120}"),
    ("pagination", "chrome", r"(?:上一页|下一页|首页|尾页|返回列表|\d+\s*/\s*\d+\s*页|第\s*\d+\s*页|Page \d+ of \d+|Pages?:?\s*\d[\d\s.…]*)(?:\s*\S{0,10}){0,12}"),
    ("attachment-box", "attachment", r".{1,120}\.(?:jpg|jpeg|png|gif|bmp|rar|zip|7z|pdf|docx?|xlsx?|txt)\s*\(\s*[\d.]+\s*(?:KB|MB|K|M|Bytes)\s*,?\s*(?:下载次数[:：]?\s*\d+)?\)?.*"),
    ("download-count", "attachment", r"(?:下载次数|下載次數|Downloads?|Views?)[:：]\s*\d+.*|(?:下载积分|售价)[:：].*"),
    ("uploaded-at", "attachment", r"\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s*(?:上传|上傳)"),
    ("image-save", "chrome", r"(?:点击|點擊)?(?:查看原图|查看大图|图片已缩小|下载附件|保存到相册|保存到相冊).{0,40}"),
    ("login-prompt", "chrome", r".{0,40}(?:您需要|需要)\s*(?:登录|登錄).{0,60}|.{0,30}(?:没有帐号|没有账号)[?？]?.{0,30}|You (?:must|need to) (?:log ?in|register).{0,80}"),
    ("deleted-notice", "chrome", DELETED_PLACEHOLDER),
    ("rating", "chrome", r"(?:评分|參與人數|参与人数|总评分)[:：]?.{0,80}|收起\s*理由.*"),
    # The header an engine puts above a code block: a label and a select-all link (phpBB
    # "Code: Select all", SMF "Code: [Select]", localised); a bare "Code:" may be the poster's own.
    ("code-header", "chrome", r"(?:Code|Kod|Codice|Código|Код|代码|代碼)\s*[:：]\s*\[?\s*(?:Select all|Select|Alles auswählen"
                              r"|Tout sélectionner|Seleziona tutto|Seleccionar todo|Selecionar tudo|Zaznacz wszystko"
                              r"|Выделить всё|Выделить все|全选|全選)\s*\]?"),
    # A quote's attribution or footer on a line of its own: the lexicon's table, as quotes.py reads it.
    ("wrote", "quote", ATTRIBUTION_LINE),
    # Reply summaries and navigation a thread shows between posts (Talkyard, Discourse, Q&A sites).
    ("reply-to", "chrome", r"In reply to\s*@?[^\s:]{1,40}?\s*[⬆↑]?\s*:?"),
    # (A count of at least one: "0 replies" is also what a reader pastes with a copied post.)
    ("reply-count", "chrome", r"[1-9]\d{0,5}\s*(?:replies|reply|comments?|answers?|条回复|个回复|条评论|个回答)"),
    ("reading-time", "chrome", r"(?:There (?:are|is) \d{1,6} repl(?:ies|y)\.\s*)?(?:Estimated\s+)?reading time:?\s*\d{1,4}\s*min(?:ute)?s?\.?"),
    ("solved-in-post", "chrome", r"Solved in post\s*#?\d{1,6}(?:,?\s*click to view)?\.?|(?:Go|Jump) to solution|View solution in original post"),
    ("answer-badge", "chrome", r"Best answer|Accepted answer|Accepted solution|最佳答案|最佳回答|已采纳|采纳答案"),
    ("reaction-bar", "chrome", r"(?:Reply\s*)?(?:\d{1,6}\s*(?:Likes?|Disagrees?|Votes?|Upvotes?|Downvotes?|Wrong|Bury|Unwanted)\s*)+(?:Solution)?|Reply\s*Solution"),
    ("question-tags", "chrome", r"(?:问题标签|標籤|标签|Tags|Tagged(?: with)?)\s*[:：]\s*[^。！？.!?]{1,80}"),
    # A post's byline on one line: a short name, maybe a counter, and when it was posted, between
    # separators ("歪哦釉 | 83 | 1周前", "karilito•Feb 22", "mario - 2 years ago (last modified ...)").
    ("post-byline", "chrome", rf"{_BYLINE_NAME}{_BYLINE_SEPARATOR}(?:\d{{1,7}}{_BYLINE_SEPARATOR})?{_POST_AGE}"
                         rf"(?:\s*\((?:last\s+)?(?:modified|edited|updated)\s+[^()]{{1,40}}\))?"),
)
