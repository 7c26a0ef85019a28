// Material's search dialog (<div class="md-search" role="dialog">) has no
// accessible name (axe: aria-dialog-name). It gets the name of its own search
// box, in the page's language as Material wrote it; no word is written here.
// Loaded on every page through mkdocs.yml extra_javascript, after the header.
(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) return;
  var input = dialog.querySelector("input.md-search__input, input[type=search], input");
  var name = input && (input.getAttribute("aria-label") || input.getAttribute("placeholder"));
  if (name) dialog.setAttribute("aria-label", name);
})();
