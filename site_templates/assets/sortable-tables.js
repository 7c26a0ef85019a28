// Sortable comparison tables (issue 13): Material for MkDocs' "sortable tables"
// recipe, with tablesort served by this site (assets/tablesort/, copied from the
// pinned npm package) instead of a CDN. Loaded on every page through mkdocs.yml
// extra_javascript, after tablesort and Material's bundle (which defines
// document$); it acts only on tables inside `.icp-sortable`, which without
// JavaScript stay plain tables in the data's order. A cell's data-sort, when it
// has one, is what sorts (the newest-source column: an ISO date).
(function () {
  if (typeof Tablesort === "undefined" || typeof document$ === "undefined") return;

  // Tablesort compares text by code point; compare it the way the page's
  // language does instead (Chinese province names in pinyin order) and numbers
  // by value ("9" before "18"). An extension whose test always passes is used
  // for every column. Tablesort expects the comparison reversed (it reverses
  // the result for ascending order), as its own intl extension does.
  var collators = {};
  Tablesort.extend("icp-language", function () { return true; }, function (a, b) {
    var lang = document.documentElement.lang || "en";
    var collator = collators[lang] || (collators[lang] = new Intl.Collator(lang, { numeric: true }));
    return collator.compare(b, a);
  });

  // document$ emits for every page shown, also after instant navigation.
  document$.subscribe(function () {
    document.querySelectorAll(".icp-sortable table").forEach(function (table) {
      new Tablesort(table);
    });
  });
})();
