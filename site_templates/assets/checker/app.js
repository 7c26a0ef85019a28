// The checker page: a form over the Python checker running in a Web Worker.
//
// - client.js   the worker (Pyodide + the checker wheels, worker.mjs) and the
//               page API window.icpChecker = {ready, check, field}
// - status.js   loading progress, the error with Retry, data-state
// - form.js     the case and the details, laid out from the application
//               schema (fields.js) and the decision graph (questions.js)
// - result.js   the result, rendered from checker.api.view's sections: in
//               short right under the questions, in full under the page's
//               "Result" heading (a Markdown heading, so it is in the table
//               of contents; moved into the checker once it runs)
// - actions.js  print, download, share
// - offline.js  the service worker, registered once the checker is ready
//
// Every word comes from province_data/labels.yaml (ui.checker_*), rendered
// into the page as JSON by pages/checker.md.j2, or from the checker's data
// and results. Text from the user or the engine is inserted as text only.
// Privacy: nothing typed is stored (the service worker keeps only the site's own
// files and pages), no cookies, no logging, nothing in the URL except the
// province and the answers when "Share" is clicked; the language switcher's
// links carry the same (never any details), so the other language opens
// with the same answers.

import { actionBar } from "./actions.js";
import { engine, view } from "./client.js";
import { pageLang, Words } from "./dom.js";
import { keepForOffline } from "./offline.js";
import { CheckerForm } from "./form.js";
import { ResultBrief, ResultPanel } from "./result.js";
import { StatusView } from "./status.js";

const RESULT_HEADING = "icp-result";            // the id of the page's result heading (checker.md.j2)
const LANGUAGE_LINKS = "a.md-select__link[hreflang]";   // Material's language switcher

class CheckerPage {
  constructor(root, strings) {
    this.heading = document.getElementById(RESULT_HEADING);
    this.words = new Words(strings, pageLang(root));
    this.statusView = new StatusView(root, this.words, () => engine.restart());
    this.form = null;
    this.checkSeq = 0;
  }

  engineEvent(event, detail) {
    if (event === "progress") this.statusView.setLoading(detail);
    else if (event === "failed") this.statusView.showError(detail);
    else if (event === "ready") {
      this.showReady(detail);
      keepForOffline();
    }
  }

  showReady(data) {
    if (!this.form) {
      this.form = new CheckerForm(this.words, data, (change) => this.runCheck(change));
      const controlFor = (path) => this.form.controlFor(path);
      this.result = new ResultPanel(this.words, this.words.lang, controlFor, this.heading);
      this.brief = new ResultBrief(this.words, this.words.lang, controlFor,
                                   this.heading ? RESULT_HEADING : "icp-result-title");
      this.form.placeBrief(this.brief.node);
      this.statusView.app.append(...[this.form.node, this.heading, this.result.status, this.result.node].filter(Boolean));
      keepAnswersAcrossLanguages();
      this.form.applyFragment(location.hash);
      window.addEventListener("hashchange", () => {
        if (this.form.applyFragment(location.hash)) this.form.changed({ revalidate: true });
      });
    }
    this.statusView.showReady(engine.boot);
    this.form.changed({ revalidate: true });
  }

  // A new result for the form as it is now; an older answer arriving late is dropped.
  async runCheck({ answered = false } = {}) {
    const seq = ++this.checkSeq;
    carryFragment(this.form.shareFragment());
    if (!this.form.questions.walk().outcome) {
      this.result.pending();
      this.brief.clear();
      this.form.showReportErrors([]);
      return;
    }
    this.result.busy(true);
    let answer;
    try {
      answer = await view(this.form.application());
    } catch (error) {
      answer = null;
    }
    if (seq !== this.checkSeq) return;
    this.result.busy(false);
    if (answer) {
      const sections = answer.sections || [];
      this.result.show(answer, actionBar(this.words, {
        markdown: () => this.result.markdown(),
        fragment: () => this.form.shareFragment(),
        checklist: sections.some((section) => section.id === "steps"),
      }));
      this.brief.show(answer);
      this.form.showReportErrors((answer.report || {}).findings);
      if (answered) this.brief.reveal();
    } else {
      this.result.pending("checker_check_failed");
      this.brief.clear();
    }
    this.result.announce("checker_result_updated");
  }
}

// The language switcher's links take the province and the answers along.
function carryFragment(fragment) {
  for (const link of document.querySelectorAll(LANGUAGE_LINKS)) {
    const url = new URL(link.href, location.href);
    url.hash = fragment;
    link.href = url.href;
  }
}

// Material's switcher finds the page in the other language itself and drops
// the fragment; these links already name that page, so they are followed as
// they are.
function keepAnswersAcrossLanguages() {
  for (const link of document.querySelectorAll(LANGUAGE_LINKS)) {
    link.addEventListener("click", (event) => {
      if (link.hash) event.stopPropagation();
    });
  }
}

function attach() {
  const root = document.getElementById("icp-checker");
  const stringsNode = document.getElementById("icp-checker-strings");
  if (!root || !stringsNode) return;
  const page = new CheckerPage(root, JSON.parse(stringsNode.textContent));
  engine.subscribe((event, detail) => page.engineEvent(event, detail));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach, { once: true });
else attach();
