// The form's layout, read from the application JSON Schema
// (checker/schema/application.schema.json, sent by the worker in its page
// data) and its "x-form" annotations; nothing about the fields is written here.
//
// - The root's x-form lists the groups in order: {id, details?, hint?, services?}
//   (services: the answers to the "service" question the group is for).
// - An object property with x-form {nested: true} holds fields (an array with
//   {nested: true, index: n} holds the fields of its n-th item, path a.n.b);
//   a property with x-form {group, order, ...} is a field. Its widget follows from the
//   schema: enum -> select, boolean -> checkbox, array of enum -> checkboxes,
//   array of text -> one value per line, format date -> date, else text (or
//   the annotation's input type).
// - Words (labels.yaml ui): checker_group_<group> [+ _hint], and for a field
//   at path a.b: checker_field_a_b [+ _hint, _prompt, _<entity kind>];
//   an enum value v: checker_choice_a_b_v, unless x-form.choices names the
//   page data that names the values ("provinces", "preapprovals").
// - check_if, send_with and context name sibling properties; context_values
//   gives constant context (a fingerprint's platform); from_answer makes a
//   field that is not shown and holds the answer to that question.

// Words are keyed by the path without item indexes (apps.0.name -> apps_name).
function wordPath(path) {
  return path.replace(/\.\d+(?=\.|$)/g, "").replace(/\./g, "_");
}

export function fieldKey(path) {
  return "checker_field_" + wordPath(path);
}

export function choiceKey(path, value) {
  return `checker_choice_${wordPath(path)}_${value}`;
}

function resolve(root, node) {
  for (let depth = 0; node && typeof node.$ref === "string" && depth < 8; depth++) {
    const { $ref, ...siblings } = node;
    const target = $ref.replace(/^#\//, "").split("/").reduce((n, key) => (n ? n[key] : undefined), root);
    if (!target) throw new Error(`schema-ref ${$ref}`);
    node = { ...target, ...siblings };
  }
  return node;
}

function types(node) {
  return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

function widget(node, items, form) {
  if (node.enum) return "select";
  if (types(node).includes("boolean")) return "checkbox";
  if (types(node).includes("array")) return items && items.enum ? "choices" : "lines";
  if (node.format === "date") return "date";
  return form.input || "text";
}

function sibling(parent, name) {
  return parent ? `${parent}.${name}` : name;
}

function makeField(path, parent, node, root) {
  const form = node["x-form"];
  const items = node.items ? resolve(root, node.items) : null;
  return {
    path,
    key: fieldKey(path),
    group: form.group,
    order: Number(form.order) || 0,
    widget: widget(node, items, form),
    values: node.enum || (items && items.enum) || null,
    choices: form.choices || null,
    check: form.check || null,
    hint: Boolean(form.hint),
    prompt: Boolean(form.prompt),
    entity: form.entity || null,
    entityLabels: form.entity_labels || [],
    upper: form.case === "upper",
    checkIf: Object.entries(form.check_if || {}).map(([name, value]) => [sibling(parent, name), value]),
    sendWith: form.send_with ? sibling(parent, form.send_with) : null,
    context: Object.entries(form.context || {}).map(([key, name]) => [key, sibling(parent, name)]),
    contextValues: Object.entries(form.context_values || {}),
    fromAnswer: form.from_answer || null,
  };
}

// [{id, details, hint, fields: [field, ...]}] in the schema's order.
export function formLayout(schema) {
  const groups = ((schema["x-form"] || {}).groups || []).map((g) => ({
    id: g.id, details: Boolean(g.details), hint: Boolean(g.hint), services: g.services || null, fields: [],
  }));
  const byId = new Map(groups.map((g) => [g.id, g]));
  const visit = (node, parent) => {
    for (const [name, raw] of Object.entries(node.properties || {})) {
      const prop = resolve(schema, raw);
      const form = prop["x-form"];
      if (!form) continue;
      const path = sibling(parent, name);
      if (form.nested) {
        if (form.index === undefined) visit(prop, path);
        else visit(resolve(schema, prop.items), `${path}.${form.index}`);
        continue;
      }
      const group = byId.get(form.group);
      if (!group) throw new Error(`schema-x-form-group ${form.group}`);
      group.fields.push(makeField(path, parent, prop, schema));
    }
  };
  visit(schema, "");
  for (const group of groups) group.fields.sort((a, b) => a.order - b.order);
  return groups;
}

// The application's format version (the schema's "format" const).
export function formatOf(schema) {
  return schema.properties.format.const;
}
