// Drawing a review: the text with every edit marked (inline, or original and result side by
// side), the details of one edit, the counts per kind. Text is always set with textContent.

import { APPLIED, KINDS, OPEN, REJECTED } from "./review.js";

const CHUNK = 400; // edits drawn between two pauses, so a large document keeps the page responsive

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Whitespace made visible (a removed blank line cannot be seen otherwise). */
export function visible(text) {
  if (text === "") return "∅";
  if (/\S/u.test(text)) return text;
  if (/^\n{4,}$/u.test(text)) return `↵×${text.length}`;
  return text.replace(/\n/gu, "↵").replace(/\t/gu, "→").replace(/ /gu, "·");
}

/** `text` made visible and cut to `limit` code points. */
export function quote(text, limit = 60) {
  const shown = Array.from(visible(text));
  return shown.length > limit ? `${shown.slice(0, limit).join("")}…` : shown.join("");
}

const STATE_WORDS = { [APPLIED]: "applied", [OPEN]: "suggested", [REJECTED]: "rejected" };

/** One line saying what an edit is and what it does, for screen readers and the tooltip. */
export function describe(edit) {
  const change = edit.chosen === ""
    ? `remove “${quote(edit.original)}”`
    : `“${quote(edit.original)}” → “${quote(edit.chosen)}”`;
  return `${KINDS[edit.kind]} edit, ${STATE_WORDS[edit.state]}: ${change}. ${edit.reason}. `
    + `Confidence ${edit.confidence.toFixed(2)}.`;
}

function isBlock(edit) {
  return edit.kind === "boilerplate";
}

function markClasses(edit) {
  return `edit k-${edit.kind} s-${edit.state}`;
}

function focusable(node, edit, tabbable) {
  node.dataset.index = String(edit.index);
  node.tabIndex = tabbable ? 0 : -1;
  node.setAttribute("role", "button");
  node.setAttribute("aria-keyshortcuts", "Enter Escape");
  node.setAttribute("aria-label", describe(edit));
  return node;
}

/** A removed (or proposed for removal) block: its reason as a heading, its text struck through
 * and collapsible. */
function block(edit, { showText, tabbable }) {
  const box = element("div", `block k-${edit.kind} s-${edit.state}`);
  box.dataset.block = String(edit.index);
  const head = element("div", "block-head");
  const mark = focusable(element("span", `${markClasses(edit)} block-mark`), edit, tabbable);
  const verb = { [APPLIED]: "Removed", [OPEN]: "Suggested removal", [REJECTED]: "Kept" }[edit.state];
  mark.append(element("span", `badge k-${edit.kind}`, KINDS[edit.kind]), ` ${verb}: `,
    element("span", "reason", edit.reason));
  const toggle = element("button", "toggle link", showText ? "hide text" : "show text");
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", String(showText));
  // The block's own trailing blank lines would only add space inside its box.
  const body = element(edit.state === APPLIED ? "del" : "span", "block-body",
    edit.original.trimEnd());
  body.id = `block-body-${edit.index}-${tabbable ? "t" : "o"}`;
  body.hidden = !showText;
  toggle.setAttribute("aria-controls", body.id);
  toggle.setAttribute("aria-label", `${showText ? "Hide" : "Show"} the text of this block`);
  head.append(mark, " ", toggle);
  box.append(head, body);
  if (edit.state === APPLIED && edit.chosen !== "") box.append(element("ins", "block-ins", edit.chosen));
  return box;
}

/** The inline mark of an edit: applied edits show the original struck through and the
 * replacement; the others show the original, underlined. */
function inlineMark(edit, side) {
  if (isBlock(edit)) {
    return block(edit, { showText: side !== "result" || edit.state !== APPLIED, tabbable: side !== "original" });
  }
  const mark = focusable(element("span", markClasses(edit)), edit, side !== "original");
  if (edit.state === APPLIED) {
    if (side !== "result") mark.append(element("del", "", visible(edit.original)));
    if (side !== "original") {
      const ins = element("ins");
      if (!/\S/u.test(edit.chosen)) ins.append(element("span", "ws", visible(edit.chosen)));
      ins.append(edit.chosen);
      mark.append(ins);
    }
  } else {
    if (!/\S/u.test(edit.original)) mark.append(element("span", "ws", visible(edit.original)));
    mark.append(edit.original);
  }
  return mark;
}

/** Draw the text with its edits into `container`. `side`: "inline", "original" or "result".
 * Returns a promise; a large document is drawn in chunks with pauses in between. */
export async function drawText(container, review, side, onProgress = () => {}) {
  const shown = review.layout();
  const fragment = document.createDocumentFragment();
  const marks = new Map(); // edit index -> its element, for redrawEdit
  let cursor = 0;
  for (let i = 0; i < shown.length; i += 1) {
    const edit = shown[i];
    const node = inlineMark(edit, side);
    marks.set(edit.index, node);
    fragment.append(review.slice(cursor, edit.start), node);
    cursor = edit.end;
    if (i % CHUNK === CHUNK - 1) {
      onProgress((i + 1) / shown.length);
      await new Promise((resolve) => { setTimeout(resolve, 0); });
    }
  }
  fragment.append(review.slice(cursor, review.chars.length));
  container.replaceChildren(fragment);
  drawn.set(container, marks);
}

const drawn = new WeakMap(); // container -> (edit index -> element)

/** Replace the mark of one edit in `container` (when the layout did not change). */
export function redrawEdit(container, review, edit, side) {
  const marks = drawn.get(container);
  const old = marks?.get(edit.index);
  if (!old) return;
  const node = inlineMark(edit, side);
  old.replaceWith(node);
  marks.set(edit.index, node);
}

function field(list, name, value) {
  list.append(element("dt", "", name), element("dd", "", value));
}

/** The details panel of one edit, with its buttons (handlers get the edit index). */
export function drawDetails(container, review, edit, actions) {
  const title = element("p", "details-head");
  title.append(element("span", `badge k-${edit.kind}`, KINDS[edit.kind]), " ",
    element("span", `state s-${edit.state}`, STATE_WORDS[edit.state]));
  const list = element("dl");
  field(list, "Original", quote(edit.original, 200));
  field(list, "Replacement", edit.replacement === "" ? "(removed)" : quote(edit.replacement, 200));
  if (edit.chosen !== edit.replacement) field(list, "Chosen", quote(edit.chosen, 200));
  field(list, "Rule", edit.rule);
  field(list, "Confidence", edit.confidence.toFixed(4));
  field(list, "Reason", edit.reason);
  const alternatives = element("dd");
  if (edit.alternatives.length === 0) alternatives.textContent = "none";
  for (const alternative of edit.alternatives) {
    const use = element("button", "chip", `use “${alternative}”`);
    use.type = "button";
    use.addEventListener("click", () => actions.choose(edit.index, alternative));
    alternatives.append(use, " ");
  }
  list.append(element("dt", "", "Alternatives"), alternatives);
  const rivals = review.rivals(edit);
  if (rivals.length) {
    const other = element("dd");
    for (const rival of rivals) {
      const show = element("button", "chip", `${KINDS[rival.kind]}: “${quote(rival.chosen, 30)}”`);
      show.type = "button";
      show.addEventListener("click", () => actions.select(rival.index));
      other.append(show, " ");
    }
    list.append(element("dt", "", "Also proposed here"), other);
  }
  const buttons = element("div", "buttons");
  const accept = element("button", "primary", "Accept");
  accept.type = "button";
  accept.disabled = edit.state === APPLIED && edit.chosen === edit.replacement;
  accept.addEventListener("click", () => actions.accept(edit.index));
  const reject = element("button", "", edit.state === APPLIED ? "Undo this edit" : "Reject");
  reject.type = "button";
  reject.disabled = edit.state === REJECTED;
  reject.addEventListener("click", () => actions.reject(edit.index));
  buttons.append(accept, reject);
  container.replaceChildren(title, list, buttons);
}

/** The table of kinds: counts and the buttons that accept or reject a whole kind. */
export function drawKinds(tbody, review, actions) {
  const counts = review.counts();
  const rows = [];
  for (const [kind, label] of Object.entries(KINDS)) {
    const count = counts[kind];
    if (!count) continue;
    const row = element("tr");
    const name = element("th");
    name.scope = "row";
    name.append(element("span", `swatch k-${kind}`), label);
    const open = count[OPEN] + count[REJECTED];
    row.append(name, element("td", "num", String(count[APPLIED])), element("td", "num", String(open)));
    const cell = element("td", "actions");
    for (const [state, word] of [[APPLIED, "Accept all"], [REJECTED, "Reject all"]]) {
      const button = element("button", "small", word);
      button.type = "button";
      button.setAttribute("aria-label", `${word} ${label} edits`);
      button.disabled = state === APPLIED ? open === 0 : count[APPLIED] + count[OPEN] === 0;
      button.addEventListener("click", () => actions.decideKind(kind, state));
      cell.append(button);
    }
    row.append(cell);
    rows.push(row);
  }
  tbody.replaceChildren(...rows);
}
