"""`python -m generator stats`: the data health figures of issue 13."""
from generator import stats
from generator.cli import main as generator_main

SOURCES = {
    "old": {"published": "2017-06-05", "kind": "provider"},
    "new": {"published": "2025-12-31", "kind": "provider"},
    "gov": {"published": "2023", "kind": "official"},
    "undated": {"published": "unknown", "kind": "third_party"},
}


def _rule(*claims, status="single_source"):
    return {"status": status, "claims": [{"value": 1, "sources": list(c)} for c in claims]}


def test_each_rule_counts_once_by_its_newest_source():
    t = stats.Tally()
    t.add({"status": "unknown", "checked": ["old"]}, SOURCES)
    t.add(_rule(["old"]), SOURCES)                       # only old sources
    t.add(_rule(["old"], ["new"], status="conflicting"), SOURCES)   # newest counts: fresh
    t.add(_rule(["undated"]), SOURCES)                   # no date at all
    t.add(_rule(["gov", "undated"]), SOURCES)            # fresh and official
    assert (t.slots, t.unknown, t.known) == (5, 1, 4)
    assert (t.fresh, t.old, t.undated, t.official, t.conflicting) == (2, 1, 1, 1, 1)
    assert stats.row(t) == ["5", "1 (20%)", "2 (50%)", "1 (25%)", "1 (25%)", "1 (25%)", "1"]


def test_a_source_year_is_the_date_it_carries():
    assert stats.source_year({"published": "2016"}) == 2016
    assert stats.source_year({"published": "unknown"}) is None and stats.source_year(None) is None


def test_the_command_prints_the_country_and_every_province(capsys):
    assert generator_main(["stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2].startswith("country") and any(line.startswith("51 Sichuan") for line in out)
    assert sum(1 for line in out if line[:2].isdigit()) == 31
