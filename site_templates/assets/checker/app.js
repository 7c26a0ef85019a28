// The checker page: a form over the Python checker running in a Web Worker.
//
// - client.js   the worker (Pyodide + the checker wheels, worker.mjs) and the
//               page API window.icpChecker = {ready, check, field}
// - status.js   loading progress, the error with Retry, data-state
// - form.js     the case and the details, laid out from the application
//               schema (fields.js) and the decision graph (questions.js)
// - result.js   the result, rendered from checker.api.view's sections
// - actions.js  print, download, share
//
// Every word comes from province_data/labels.yaml (ui.checker_*), rendered
// into the page as JSON by pages/checker.md.j2, or from the checker's data
// and results. Text from the user or the engine is inserted as text only.
// Privacy: no storage, no cookies, no logging, nothing in the URL except the
// province and the answers when "Share" is clicked.

import { actionBar } from "./actions.js";
import { engine, view } from "./client.js";
import { pageLang, Words } from "./dom.js";
import { CheckerForm } from "./form.js";
import { ResultPanel } from "./result.js";
import { StatusView } from "./status.js";

class CheckerPage {
  constructor(root, strings) {
    this.words = new Words(strings, pageLang(root));
    this.statusView = new StatusView(root, this.words, () => engine.restart());
    this.form = null;
    this.checkSeq = 0;
  }

  engineEvent(event, detail) {
    if (event === "progress") this.statusView.setLoading(detail);
    else if (event === "failed") this.statusView.showError(detail);
    else if (event === "ready") this.showReady(detail);
  }

  showReady(data) {
    if (!this.form) {
      this.form = new CheckerForm(this.words, data, () => this.runCheck());
      this.result = new ResultPanel(this.words, this.words.lang, (path) => this.form.controlFor(path));
      this.statusView.app.append(this.form.node, this.result.status, this.result.node);
      this.form.applyFragment(location.hash);
      window.addEventListener("hashchange", () => {
        if (this.form.applyFragment(location.hash)) this.form.changed({ revalidate: true });
      });
    }
    this.statusView.showReady();
    this.form.changed({ revalidate: true });
  }

  // A new result for the form as it is now; an older answer arriving late is dropped.
  async runCheck() {
    const seq = ++this.checkSeq;
    if (!this.form.questions.walk().outcome) {
      this.result.pending();
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
      this.result.show(answer, actionBar(this.words, {
        markdown: () => this.result.markdown(),
        fragment: () => this.form.shareFragment(),
      }));
    } else {
      this.result.pending("checker_check_failed");
    }
    this.result.announce("checker_result_updated");
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
