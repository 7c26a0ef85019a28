"""A returning reader's engine starts from a memory snapshot (worker.mjs):
taken on the first visit before anything is typed, restored on the next one,
and replaced by a normal start whenever it cannot be used."""
from __future__ import annotations

import time

import pytest

from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser

CACHE = "icp-checker-snapshot"
TYPED = ("快照隐私标记Vx9Q", "SnapshotMarkerVx9Q")   # typed after the first start; never in the snapshot

# The snapshot entries: {url: SHA-256 of the stored (compressed) body}.
ENTRIES = """async (name) => {
  const cache = await caches.open(name);
  const out = {};
  for (const request of await cache.keys()) {
    const body = await (await cache.match(request)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    out[request.url] = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return out;
}"""

# Whether the decompressed snapshot holds any of the texts, in the encodings CPython keeps
# strings in (UTF-8 for its caches, Latin-1, UCS-2 and UCS-4 for str objects).
HOLDS = """async ([name, texts]) => {
  const cache = await caches.open(name);
  const [request] = await cache.keys();
  const packed = await cache.match(request);
  const memory = new Uint8Array(await new Response(packed.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const forms = [];
  for (const text of texts) {
    forms.push(new TextEncoder().encode(text));
    const points = Array.from(text, (c) => c.codePointAt(0));
    for (const width of [1, 2, 4]) {
      if (points.some((p) => p >= 2 ** (8 * width))) continue;
      const bytes = new Uint8Array(points.length * width);
      points.forEach((p, i) => { for (let k = 0; k < width; k++) bytes[i * width + k] = (p >> (8 * k)) & 255; });
      forms.push(bytes);
    }
  }
  const found = (needle) => {
    outer: for (let i = memory.indexOf(needle[0]); i !== -1 && i <= memory.length - needle.length;
                i = memory.indexOf(needle[0], i + 1)) {
      for (let k = 1; k < needle.length; k++) if (memory[i + k] !== needle[k]) continue outer;
      return true;
    }
    return false;
  };
  return {size: memory.length, found: forms.filter(found).length};
}"""


def kept_entries(page, without=None):
    """The snapshot cache once it has one entry, other than `without` (it is written after the
    engine is ready)."""
    return until(page, lambda entries: len(entries) == 1 and without not in entries)


def until(page, ready, timeout_s=60):
    """The snapshot entries once `ready(entries)` holds (polled: Cache Storage has no events)."""
    deadline = time.monotonic() + timeout_s
    while True:
        entries = page.evaluate(ENTRIES, CACHE)
        if ready(entries) or time.monotonic() > deadline:
            assert ready(entries), entries
            return entries
        page.wait_for_timeout(200)


def boot_of(page) -> str:
    wait_ready(page)
    return page.get_attribute("#icp-checker", "data-boot")


def test_the_second_visit_starts_from_the_snapshot_taken_before_anything_was_typed(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(site_url + "/checker/")
    assert boot_of(page) == "fresh"
    first = kept_entries(page)
    (key,) = first
    assert "/assets/checker-snapshot/" in key
    for text in TYPED:
        assert page.evaluate("(t) => window.icpChecker.check({entity: {name: t}, website: {name: t}})", text)
    page.reload()
    assert boot_of(page) == "snapshot"
    # The restored engine checks, and imports what it had not imported yet (idna for an IDN).
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    report = page.evaluate("window.icpChecker.check({province: '44', website: {domains: ['例子.中国']}})")
    assert report["findings"] is not None and not [f for f in report["findings"] if "internal_error" in f["code"]]
    # The same snapshot, unchanged, and none of what was typed is in it.
    assert page.evaluate(ENTRIES, CACHE) == first
    holds = page.evaluate(HOLDS, [CACHE, list(TYPED)])
    assert holds["size"] > 1_000_000 and holds["found"] == 0
    context.close()


def test_a_snapshot_that_cannot_be_restored_is_replaced_by_a_normal_start(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(site_url + "/checker/")
    (key,) = kept_entries(page)
    # Damaged in storage: gzip that is cut short.
    page.evaluate("""async ([name, key]) => {
      const cache = await caches.open(name);
      const body = new Uint8Array(await (await cache.match(key)).arrayBuffer()).slice(0, 5000);
      await cache.put(key, new Response(body));
    }""", [CACHE, key])
    damaged = page.evaluate(ENTRIES, CACHE)
    page.reload()
    assert boot_of(page) == "fresh"
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    until(page, lambda now: list(now) == [key] and now[key] != damaged[key])
    page.reload()
    assert boot_of(page) == "snapshot"
    context.close()


def test_a_snapshot_of_another_build_is_neither_restored_nor_kept(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(site_url + "/assets/checker-manifest.json")      # same origin, before the checker
    old = site_url + "/assets/checker-snapshot/0.0.0/0000000000000000"
    page.evaluate("""async ([name, url]) => {
      const cache = await caches.open(name);
      await cache.put(url, new Response(new Uint8Array([31, 139, 8, 0])));
    }""", [CACHE, old])
    page.goto(site_url + "/checker/")
    assert boot_of(page) == "fresh"
    entries = kept_entries(page, without=old)
    assert old not in entries and len(entries) == 1
    context.close()
