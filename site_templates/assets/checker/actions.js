// What the reader can do with a result: print it (the page's print style
// then shows the result only), download it as Markdown (checker.api.view's
// download, made in the browser: nothing is sent), or share a link that
// holds the province and the answers, never any details.

import { el } from "./dom.js";

const PRINT_CLASS = "icp-print-result";
const DOWNLOAD_NAME = "icp-checklist.md";

window.addEventListener("afterprint", () => document.documentElement.classList.remove(PRINT_CLASS));

export function printResult() {
  document.documentElement.classList.add(PRINT_CLASS);
  window.print();
}

export function download(markdown) {
  if (!markdown) return;
  const blob = new Blob([markdown], { type: "text/markdown;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: DOWNLOAD_NAME, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function share(fragment, out, words) {
  const url = new URL(location.href);
  url.hash = fragment;
  history.replaceState(history.state, "", url.href);
  const label = words.t("checker_share_link");
  const input = el("input", { type: "text", readonly: true, value: url.href, id: "icp-share-url",
                              "aria-label": label, class: "icp-share-url" });
  out.replaceChildren(el("label", { for: "icp-share-url", text: label }), input);
  out.hidden = false;
  input.select();
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url.href).catch(() => {});
}

// The buttons under a result. markdown() and fragment() are asked when clicked;
// print and download only when the result has a checklist.
export function actionBar(words, { markdown, fragment, checklist = true }) {
  const out = el("div", { class: "icp-result__share", hidden: true });
  const button = (key, onclick) => el("button", { type: "button", class: "md-button", text: words.t(key), onclick });
  return el("div", { class: "icp-result__actions" },
    checklist ? [button("checker_print", printResult), " ", button("checker_download", () => download(markdown())), " "]
      : null,
    button("checker_share", () => share(fragment(), out, words)),
    el("p", { class: "icp-field__hint", text: words.t("checker_share_hint") }),
    out);
}
