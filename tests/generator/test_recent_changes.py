"""The Recent changes page and its Atom feeds (issue 13)."""
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def _dated(dataset):
    """(province slug or None, rule id, date) of every claim with a from or until date."""
    out = []
    scopes = [(None, dataset.data("national.yaml")["rules"])] + [(d.data["slug"], d.data["rules"])
                                                                  for d in dataset.provinces]
    for slug, rules in scopes:
        for rule_id, rule in rules.items():
            for claim in rule.get("claims", []):
                out += [(slug, rule_id, str(claim[k])) for k in ("from", "until") if claim.get(k)]
    return out


def test_the_page_and_the_feeds_list_every_rule_with_a_from_date(pages, dataset):
    dated = _dated(dataset)
    assert dated
    page = pages["recent-changes.md"]
    feed = ET.fromstring(pages["feeds/all-en.xml"])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(dated)
    days = [e.find(f"{ATOM}updated").text for e in entries]
    assert days == sorted(days, reverse=True)                    # newest first
    assert feed.find(f"{ATOM}updated").text == days[0]           # the feed's date is the data's
    for slug, rule_id, day in dated:
        assert f"| {day} |" in page
        ids = [e.find(f"{ATOM}id").text for e in entries]
        assert any(i.endswith(f":{slug or 'national'}:{rule_id}:from:{day}") or
                   i.endswith(f":{slug or 'national'}:{rule_id}:until:{day}") for i in ids), (slug, rule_id, day)
        if slug:   # each province's own feed holds its own changes
            own = ET.fromstring(pages[f"feeds/{slug}-en.xml"])
            assert any(rule_id in e.find(f"{ATOM}id").text for e in own.findall(f"{ATOM}entry"))
    assert "zh/provinces/" in pages["feeds/all-zh.xml"] or not any(s for s, _, _ in dated)


def test_feeds_are_deterministic(dataset):
    from generator.render import render_all
    first, second = render_all(dataset), render_all(dataset)
    assert {k: v for k, v in first.items() if k.startswith("feeds/")} == \
        {k: v for k, v in second.items() if k.startswith("feeds/")}


def test_chinese_feed_titles_use_full_width_punctuation(pages):
    feed = ET.fromstring(pages["feeds/all-zh.xml"])
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles
    for title in titles:
        assert "：" in title and title.endswith("）") and "（" in title, title
        assert ": " not in title and " (" not in title, title
    english = [e.find(f"{ATOM}title").text for e in ET.fromstring(pages["feeds/all-en.xml"]).findall(f"{ATOM}entry")]
    assert all(": " in t and t.endswith(")") for t in english)
