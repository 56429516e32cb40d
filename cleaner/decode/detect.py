"""Detection, for pages that declare nothing trustworthy and are not UTF-8: BOM-less UTF-16,
GB18030 or Big5 by their share of common Chinese characters, charset-normalizer, and last the
least damaged reading. Samples are spread over the whole page, not only its first kilobytes.
"""

from __future__ import annotations

import re

from ..errors import BinaryInputError
from .labels import BIG5_CANDIDATES, normalize_encoding
from .reading import _count_non_ascii, _lenient, _strict
from .sniff import SNIFF_BYTES, _utf16_without_bom

DETECT_SAMPLE_BYTES = 256 * 1024  # bytes sampled, spread over the page, for detection
DETECT_CHUNKS = 4  # the sample is this many chunks spread evenly over a larger page
MAX_DAMAGED_RATIO = 0.02  # last resort: U+FFFD per char tolerated in a damaged page
MIN_COMMON_HANZI_SHARE = 0.35  # share of common Chinese chars a CJK guess needs
CJK_DETECT_CANDIDATES = ("gb18030", *BIG5_CANDIDATES)
FALLBACK_CODECS = ("utf-8", "gb18030")  # what damaged pages in this project's field mostly are

# The 500 most frequent hanzi in the project's Chinese articles (cmrc2018 wiki + news
# paragraphs, cwced pages excluded), the traditional forms of the simplified-only ones, and
# common full-width punctuation. A right decoding of Chinese text is ~70% these characters;
# GBK read as Big5 (or the reverse, or Korean read as GBK) yields rare ones instead.
COMMON_HANZI = frozenset(
    "的年一为中在是国有大于人以和上后月不了时成个学地会日出发生与之及部公作分长名主本现他行新用其代家区来"
    "到西而下多化方线被可体海路道自由子第位同文至开等前南要斯加东经高动这业小球所物北建民全也对最市法能并"
    "里车三亚理站内得过进台面电天世入色赛间场式尔因设平此任特政外合当种度期山港称美通都但立工事利马目军定"
    "员队重力水明产将两展二机教系共制安次或性类们龙原起者香城华十米数约就从号王实正科相比使关州布如克广司"
    "士形达心院表运德鱼金务语联战元太向社巴无头条保常四界基口岛总品提量视罗鳍然统英交列首食河湾属改说近程"
    "我治点尼拉又门则曾更结身影传女计包只意型组兰处该已洲始林格带应活少直管持流音受各果单义万乐县非校创资"
    "阿手古好接具演指推省史花著书集放字星取江回标足陆铁获群府游较神亦那专白历选村角级光纪济造些去质今没服"
    "版剧居族片五深命参还节领往京每别连武空播离黄委张齿变石际收客朝先规研知转风初信局阳它画红情强老认完很"
    "气未育划郡决她青即导冠举记据议着清观团术源卡构权背商示雄究状印见亲解引供域括复打官街样儿师职维党死园"
    "支黑题看协随夫骨侧增兴周己准易律超边故皇帝百环反论再效存营续奥容升汉湖调志干层底且越才短段速波半镇座"
    "為國時個學會發長現區來線開東經動這業對車亞內過進電賽間場爾設當稱馬軍員隊產將兩類們龍華數約從號實關廣"
    "達運魚務語聯戰無頭條島總視羅鰭統灣屬說點門則結傳計組蘭處該帶應單義樂縣創資書標陸鐵獲較專歷選級紀濟質"
    "沒劇參還節領別連黃張齒變際規轉風陽畫紅強認決導舉記議著觀團術權狀見親樣師職維園題協隨側興邊環論營續奧"
    "漢調層鎮後於與裡臺體機並麼"
    "，。、；：？！“”‘’（）《》「」『』…—"
)

assert COMMON_HANZI.isdisjoint(map(chr, range(128)))
# Every non-ASCII character but the common ones (all of which are non-ASCII).
_RARE_NON_ASCII_CHAR = re.compile("[^\x00-\x7f" + "".join(re.escape(c) for c in sorted(COMMON_HANZI)) + "]")


def _detect(data: bytes, declared: str, fallbacks: list[str]) -> tuple[str, str, str, str]:
    """No usable declaration and not UTF-8: guess from samples spread over the whole page."""
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16 is not None:
        text = _lenient(data, utf16)
        if text is not None:
            return text, utf16, declared, "detected"
    cjk = _confident_cjk(data)
    if cjk is not None:
        return cjk[0], cjk[1], declared, "detected"
    guess = _charset_normalizer_guess(_sample(data))
    if guess is not None:
        text = _strict(data, guess) or _lenient(data, guess)
        if text is not None:
            return text, guess, declared, "detected"
    return (*_least_damaged(data, [*fallbacks, *([guess] if guess else []), *FALLBACK_CODECS]),
            declared, "fallback")


def _least_damaged(data: bytes, candidates: list[str]) -> tuple[str, str]:
    """Last resort for damaged pages: the reading with the fewest U+FFFD, if they are rare."""
    bad, text, codec = len(data) + 1, "", "utf-8"
    for candidate in dict.fromkeys(candidates):  # one reading kept at a time: pages can be big
        reading = data.decode(candidate, errors="replace")
        if reading.count("\ufffd") < bad:
            bad, text, codec = reading.count("\ufffd"), reading, candidate
    if bad > MAX_DAMAGED_RATIO * len(text):
        raise BinaryInputError(
            f"input looks binary (no text encoding fits the bytes: the best, {codec}, "
            f"leaves {bad} of {len(text)} characters undecodable)")
    return text, codec


def _confident_cjk(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, if one reads the sample as common Chinese; else None."""
    sample = _sample(data)
    best: tuple[float, str] | None = None
    for codec in CJK_DETECT_CANDIDATES:
        score = common_hanzi_score(sample.decode(codec, errors="replace"))
        if best is None or score > best[0]:
            best = (score, codec)
    if best is None or best[0] < MIN_COMMON_HANZI_SHARE:
        return None
    codec = best[1]
    text = _strict(data, codec) or _lenient(data, codec)
    return None if text is None else (text, codec)


def common_hanzi_score(text: str) -> float:
    """Share of non-ASCII chars that are common Chinese, each U+FFFD costing one more."""
    non_ascii = _count_non_ascii(text)
    if not non_ascii:
        return 0.0
    # (Speed: one C-level scan for the other non-ASCII characters, instead of a list of every
    # non-ASCII character tested one by one in Python: the same counts. The rare ones are
    # listed, not the common ones: on Chinese text they are the fewer, each a new string.)
    common = non_ascii - len(_RARE_NON_ASCII_CHAR.findall(text))
    return (common - text.count("\ufffd")) / non_ascii


def _charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(sample, preemptive_behaviour=False,
                          cp_exclusion=["utf_16", "utf_16_le", "utf_16_be", "utf_32",
                                        "utf_32_le", "utf_32_be", "utf_7"]).best()
    except Exception:  # noqa: BLE001 - a detector bug must not crash the page
        return None
    return None if best is None else normalize_encoding(best.encoding)


def _sample(data: bytes) -> bytes:
    """Up to DETECT_SAMPLE_BYTES taken from evenly spaced places, so a page whose head is
    all ASCII markup is still judged by its text."""
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    chunk = DETECT_SAMPLE_BYTES // DETECT_CHUNKS
    step = (len(data) - chunk) // (DETECT_CHUNKS - 1)
    return b"\n".join(data[i * step:i * step + chunk] for i in range(DETECT_CHUNKS))
