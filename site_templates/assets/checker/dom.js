// Small DOM helpers for the checker page, and its words.
//
// Text is only ever set with textContent (or text nodes): nothing from the
// user, the engine or the data is parsed as HTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// "entity_leader.id_number" -> "icp-entity-leader-id-number"
export function idFor(path) {
  return "icp-" + path.replace(/[^a-z0-9]+/gi, "-");
}

// The page's words: every ui.checker_* key of labels.yaml in the page's
// language (rendered into the page as JSON by pages/checker.md.j2), and the
// data's own {en, zh} texts.
export class Words {
  constructor(strings, lang) {
    this.strings = strings;
    this.lang = lang;
  }

  has(key) {
    return typeof this.strings[key] === "string";
  }

  t(key) {
    const text = this.strings[key];
    if (typeof text !== "string") throw new Error(`missing-label ${key}`);
    return text;
  }

  colon() {
    return this.t("checker_colon");
  }

  paren(text) {
    return `${this.t("checker_paren_open")}${text}${this.t("checker_paren_close")}`;
  }

  // A {en, zh} text from the checker's data.
  text(value) {
    if (value && typeof value === "object") {
      const text = value[this.lang];
      if (typeof text !== "string") throw new Error(`missing-translation ${this.lang}`);
      return text;
    }
    return value === null || value === undefined ? "" : String(value);
  }
}

export function pageLang(root) {
  return root && root.dataset.lang === "zh" ? "zh" : "en";
}
