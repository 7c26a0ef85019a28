"""One search index per language, with the readers' words for our terms.

mkdocs-static-i18n leaves one index for both languages at search/search_index.json,
and Material loads `<base>/search/search_index.json`; the on_page_context hook
points the base of a Chinese page at /zh/ (theme.search_base). After the build,
:func:`split_index` writes each language's entries into its own index:
search/search_index.json (English) and zh/search/search_index.json (Chinese,
with locations relative to /zh/), so a search finds pages in the page's language.

Each entry whose text has a term of province_data/search_synonyms.yaml also gets
the words readers type for it, so that 法人 finds the sections on 法定代表人.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.theme import DEFAULT_LANG, ROOT

INDEX = "search/search_index.json"
ZWSP = "\u200b"   # Material's search plugin puts it between the words jieba finds


def load_synonyms(path: Path = ROOT / "province_data" / "search_synonyms.yaml") -> dict:
    """The synonyms (validated with the rest of the data by `python -m generator validate`)."""
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)["synonyms"]


def language_of(location: str, langs) -> str:
    first = location.split("/", 1)[0]
    return first if first in langs and first != DEFAULT_LANG else DEFAULT_LANG


def with_synonyms(entry: dict, synonyms: dict) -> dict:
    """The entry, its text followed by the reader's words for each term it has."""
    seen = (entry["title"] + " " + entry["text"]).replace(ZWSP, "").lower()
    words = [w for term, also in synonyms.items() if term.lower() in seen
             for w in also if w.lower() not in seen]
    if not words:
        return entry
    return {**entry, "text": entry["text"] + "<p>" + " ".join(dict.fromkeys(words)) + "</p>"}


def language_indexes(index: dict, synonyms: dict, langs) -> dict[str, dict]:
    """{language: its index}: the entries of its pages, located relative to its root."""
    out = {}
    for lang in langs:
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        docs = [with_synonyms({**d, "location": d["location"][len(prefix):]}, synonyms)
                for d in index["docs"] if language_of(d["location"], langs) == lang]
        out[lang] = {**index, "docs": docs}
    return out


def split_index(site: Path, synonyms: dict, langs) -> None:
    site = Path(site)
    path = site / INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for lang, own in language_indexes(index, synonyms, langs).items():
        target = site / ("" if lang == DEFAULT_LANG else lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
