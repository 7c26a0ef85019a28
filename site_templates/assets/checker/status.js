// Loading, error and ready: the checker's root element says which in
// data-state ("loading", "ready", "error"), shows the loading steps with a
// progress bar, and on failure an alert with the technical detail and a
// Retry button. The rest of the page (the decision table) works throughout.

import { el } from "./dom.js";

const STEPS = ["runtime", "packages", "checker"];   // worker.mjs's progress steps

export class StatusView {
  constructor(root, words, onRetry) {
    this.root = root;
    this.words = words;
    this.onRetry = onRetry;
    const t = (key) => words.t(key);
    this.status = el("p", { class: "icp-checker__status", role: "status", "aria-live": "polite" });
    this.progress = el("progress", { max: STEPS.length, value: 0, "aria-label": t("checker_load_progress") });
    this.stepItems = {};
    const list = el("ol", { class: "icp-checker__steps" });
    for (const step of STEPS) {
      const state = el("span", { class: "icp-checker__step-state" });
      const item = el("li", { "data-step": step }, el("span", { text: t(`checker_load_${step}`) }), state);
      this.stepItems[step] = { item, state };
      list.append(item);
    }
    this.loading = el("div", { class: "icp-checker__loading" }, this.status, this.progress, list);
    this.errorBox = el("div", { class: "icp-checker__error", role: "alert" });
    this.app = el("div", { class: "icp-checker__app", hidden: true });
    root.replaceChildren(this.loading, this.errorBox, this.app);
    this.setLoading(null);
  }

  setLoading(current) {
    this.root.dataset.state = "loading";
    this.loading.hidden = false;
    this.app.hidden = true;
    this.errorBox.replaceChildren();
    this.status.textContent = this.words.t("checker_loading");
    const index = current ? STEPS.indexOf(current) : -1;
    this.progress.value = Math.max(index, 0);
    STEPS.forEach((step, i) => {
      const { item, state } = this.stepItems[step];
      const status = i < index ? "done" : i === index ? "active" : "waiting";
      item.dataset.status = status;
      if (i === index) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
      state.textContent = this.words.paren(this.words.t(`checker_load_${status}`));
    });
  }

  showError(detail) {
    const words = this.words;
    this.root.dataset.state = "error";
    this.loading.hidden = true;
    this.app.hidden = true;
    const retry = el("button", { type: "button", class: "md-button md-button--primary icp-checker__retry",
                                 text: words.t("checker_retry") });
    retry.addEventListener("click", () => {
      this.setLoading(null);
      this.onRetry();
    });
    this.errorBox.replaceChildren(
      el("p", { class: "icp-checker__error-text", text: words.t("checker_error") }),
      el("p", { class: "icp-checker__error-detail" },
        `${words.t("checker_error_detail")} ${detail.step}${words.colon()}${detail.detail}`),
      retry,
    );
  }

  // The app area, shown once the engine is ready. data-boot says how the engine
  // started ("fresh", or "snapshot" for a returning reader: worker.mjs).
  showReady(boot) {
    this.loading.hidden = true;
    this.errorBox.replaceChildren();
    this.app.hidden = false;
    this.root.dataset.boot = boot || "fresh";
    this.root.dataset.state = "ready";
  }
}
