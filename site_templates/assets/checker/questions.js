// The classification questions, from the decision graph (province_data/flow.yaml,
// in the worker's page data): only the questions on the current path are
// shown, one after the other, each as a group of radio buttons. Answers are
// kept when the path changes, so going back restores them.

import { el, idFor } from "./dom.js";

export class Questions {
  constructor(flow, words, onAnswer) {
    this.flow = flow;
    this.words = words;
    this.onAnswer = onAnswer;   // (question id) after the user picks an answer
    // question id -> answer id; a question with a default (flow.yaml) starts answered with it,
    // as the engine reads an application that does not answer it.
    this.answers = Object.fromEntries(Object.entries(flow.questions)
      .filter(([, q]) => q.default).map(([qid, q]) => [qid, q.default]));
    this.nodes = new Map();     // question id -> its fieldset (kept, so focus survives)
    this.box = el("div", { class: "icp-checker__questions" });
  }

  // {path: [question ids asked], outcome: outcome id or null while unanswered}
  walk() {
    const flow = this.flow;
    const path = [];
    const seen = new Set();
    let node = flow.start;
    while (node in flow.questions && !seen.has(node)) {
      seen.add(node);
      path.push(node);
      const answer = this.answers[node];
      const option = answer && flow.questions[node].answers[answer];
      if (!option) return { path, outcome: null };
      node = option.next;
    }
    return { path, outcome: node in flow.outcomes ? this.redirected(node, path) : null };
  }

  // An outcome's "redirect" entries (checker/flow.py redirected()): the first
  // whose answers were all given on the way makes it that other outcome.
  redirected(outcome, path) {
    for (const entry of this.flow.outcomes[outcome].redirect || []) {
      const when = Object.entries(entry.when || {});
      if (when.every(([qid, aid]) => path.includes(qid) && this.answers[qid] === aid)) return entry.to;
    }
    return outcome;
  }

  outcome(id) {
    return id ? this.flow.outcomes[id] : null;
  }

  // The answer to a question on the current path, or null.
  answer(qid) {
    return this.walk().path.includes(qid) && this.answers[qid] ? this.answers[qid] : null;
  }

  node(qid) {
    if (this.nodes.has(qid)) return this.nodes.get(qid);
    const q = this.flow.questions[qid];
    const id = idFor(`q.${qid}`);
    const hint = q.hint ? el("p", { class: "icp-field__hint", id: `${id}-hint`, text: this.words.text(q.hint) }) : null;
    const options = Object.entries(q.answers).map(([aid, answer]) => {
      const inputId = `${id}-${aid.replace(/[^a-z0-9]+/gi, "-")}`;
      const input = el("input", { type: "radio", id: inputId, name: `q-${qid}`, value: aid });
      input.checked = this.answers[qid] === aid;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        this.answers[qid] = aid;
        this.onAnswer(qid);
      });
      return el("li", {}, input, " ", el("label", { for: inputId, text: this.words.text(answer.label) }));
    });
    const node = el("fieldset", { class: "icp-question", "data-question": qid,
                                  "aria-describedby": hint ? `${id}-hint` : null },
      el("legend", { text: this.words.text(q.text) }), hint, el("ul", { class: "icp-checker__choices" }, options));
    this.nodes.set(qid, node);
    return node;
  }

  // Show the questions of the current path, keeping the nodes that stay
  // (focus and scroll position survive); returns walk().
  render() {
    const walked = this.walk();
    const nodes = walked.path.map((qid) => this.node(qid));
    for (const child of [...this.box.children]) if (!nodes.includes(child)) child.remove();
    nodes.forEach((node, i) => {
      if (this.box.children[i] !== node) this.box.insertBefore(node, this.box.children[i] || null);
    });
    return walked;
  }

  // Set an answer from a link; true if it is a known answer.
  set(qid, aid) {
    const q = this.flow.questions[qid];
    if (!q || !(aid in q.answers)) return false;
    this.answers[qid] = aid;
    const input = this.node(qid).querySelector(`input[value="${CSS.escape(aid)}"]`);
    if (input) input.checked = true;
    return true;
  }

  // The radio button to focus for a finding on answers.<qid>, if shown.
  inputFor(qid) {
    const node = this.nodes.get(qid);
    return node && node.isConnected ? node.querySelector("input") : null;
  }
}
