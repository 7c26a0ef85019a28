"""Every built /zh/ page reads as Chinese: no English words outside a short
allow-list, and no half-width , ; : ( ) next to Chinese characters."""
import re
from html.parser import HTMLParser

import pytest

# Text a reader does not read as prose: code, scripts, and the icons' SVG.
SKIP_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "svg"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Latin words a Chinese reader meets as they are, each for a reason.
ALLOWED = {
    # Acronyms and names used untranslated in Chinese filing texts and by the bureaus themselves.
    "ICP", "IP", "MIIT", "PSB", "App", "APP", "API", "AI", "CDN", "WAF", "OSS", "DDoS", "SMS", "HTTP", "HTTPS",
    "HTML", "JSON", "YAML", "Lines", "CLI", "PDF", "ID", "MD", "SHA", "GB", "GB/T", "SDK", "Python", "Web",
    "Worker", "WebAssembly", "JavaScript", "Pyodide", "Material", "MkDocs", "Bundle", "UTF",
    # Products, platforms and publishers that have no other name.
    "GitHub", "iOS", "HarmonyOS", "Android", "Apple", "App Store", "Store", "Connect", "FinClip", "CSDN", "WION",
    "Hutool", "TechWeb", "ZOL", "Patently", "BGR", "Reuters", "Baidu", "LawRefBook", "Laws", "Docs", "README",
    "SKILL", "NervJS", "taro", "Unicode", "xn", "QQ", "ECS", "ENS", "IoT", "Studio", "Markdown",
    # Formats, units and software named as they are on the developer pages.
    "Schema", "draft", "Promise", "MB", "KB", "BOM", "Windows", "nginx", "Atom", "Content", "Security", "Policy",
    "ZIP", "wheel", "Storage",   # Python's package format, and the browser's Cache Storage
    # The hosting guide (deploy): software, cloud products and HTTP header names as the providers' own Chinese
    # documentation writes them (腾讯云 COS, Content-Type, Cache-Control, PUT Bucket website).
    "Debian", "COS", "Brotli", "gzip", "Service", "Workbox", "MIME", "TLS", "XML", "Type", "Encoding", "Cache",
    "Control", "Header", "Host", "PUT", "Bucket", "website", "server",
    # "XXX" stands for a name in Chinese forms (XXX公司), as in a province's quoted rule.
    "XXX",
    # Letters that are part of numbers and codes: the A, X and K that end app, mini-program
    # and quick-app filing numbers, company "A" and "B" in examples, "xx" for a name.
    "A", "B", "K", "X", "T", "xx", "x",
}
URL = re.compile(r"https?://\S+?(?=[\s，。；：（）、“”]|$)")
IDENTIFIER = re.compile(URL.pattern + r"""                  # addresses
    | [A-Za-z0-9_.\-/#?=&%~*<>{}]*[0-9_./#=&%*<>{}][A-Za-z0-9_.\-/#?=&%~*<>{}]*  # file names, hosts, codes
    | [a-z0-9]+(?:-[a-z0-9]+)+                               # repository and page slugs
    | [A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+                          # placeholders such as ICP_WEBSITE_NUMBER
    | (?<![A-Za-z])[A-Za-z][a-z]+[A-Z][A-Za-z]*              # interface names such as applyIcpFiling""", re.X)
CJK = "\u3400-\u9fff"
# Half-width punctuation touching a Chinese character (one space allowed between them).
HALF_WIDTH = re.compile(rf"[{CJK}] ?[,;:(]|[,;:)] ?[{CJK}]|[{CJK}] ?\)|\( ?[{CJK}]")


class _Text(HTMLParser):
    """The page's visible text, without code and without what is marked as another language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.hidden, self.parts = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        attrs = dict(attrs)
        # Marked English (lang="en", as the glossary's column of English terms), and the
        # language switcher, which names each language in that language.
        hide = tag in SKIP_TAGS or attrs.get("lang", "").startswith("en") or "hreflang" in attrs
        self.stack.append((tag, hide))
        self.hidden += hide

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        while self.stack:
            name, hide = self.stack.pop()
            self.hidden -= hide
            if name == tag:
                break

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


def zh_pages(site):
    return sorted(p for p in (site / "zh").rglob("*.html"))


def latin_words(text: str) -> set:
    for phrase in ("App Store",):
        text = text.replace(phrase, " ")
    text = IDENTIFIER.sub(" ", text)
    return {w for w in re.findall(r"[A-Za-z]+(?:['’][a-z]+)?", text) if w not in ALLOWED}


def test_the_scan_finds_english_and_half_width_punctuation():
    parts = visible_text('<p>腾讯云, 未注明日期 (Tencent Cloud) 30 (京东云) 日</p><code>PyYAML yes</code>'
                         '<span lang="en">Term</span><a hreflang="en">English</a>')
    text = " ".join(parts)
    assert latin_words(text) == {"Tencent", "Cloud"}
    assert HALF_WIDTH.findall(text) == ["云,", "期 (", "(京", "云)"]
    assert latin_words("见 https://beian.miit.gov.cn/ 与 v2ray/domain-list-community、ICP_WEBSITE_NUMBER") == set()


@pytest.mark.usefixtures("built_site")
def test_chinese_pages_have_no_english_words_and_no_half_width_punctuation(built_site):
    english, punctuation = [], []
    for page in zh_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        for part in visible_text(page.read_text(encoding="utf-8")):
            english += [f"{rel}: {w!r} in {part.strip()[:80]!r}" for w in sorted(latin_words(part))]
            punctuation += [f"{rel}: {m.group()!r} in {part.strip()[:80]!r}"
                            for m in HALF_WIDTH.finditer(URL.sub(" ", part))]
    assert not english, f"{len(english)} English words on Chinese pages:\n" + "\n".join(english[:40])
    assert not punctuation, f"{len(punctuation)} half-width marks in Chinese text:\n" + "\n".join(punctuation[:40])
