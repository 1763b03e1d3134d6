// The page: reads the options, sends the text to /v1/normalize (fix) or /v1/check (suggest),
// and lets the user review every edit. Loaded as a module file: the page has no inline script.

import { ApiError, call, storedKey, storeKey } from "./api.js";
import { APPLIED, KINDS, OffsetError, OPEN, REJECTED, Review } from "./review.js";
import {
  describe, drawDetails, drawKinds, drawText, element, quote, redrawEdit,
} from "./view.js";

const $ = (id) => document.getElementById(id);
const STAGES = ["unicode", "boilerplate", "whitespace", "spelling"];
const REDRAW_ALL = 500; // beyond this many changed edits, drawing the text again is quicker
const TEXT_FILE = /\.(txt|text|md|markdown|mdown|mkdn?|rst|rest)$/iu;
/** The document format a file name implies, as the CLI's `--format auto` reads it. */
const FORMAT_OF_FILE = [[/\.(md|markdown|mdown|mkdn?)$/iu, "markdown"], [/\.(rst|rest)$/iu, "rst"]];

const page = {
  answer: null, // { text, edits, mode }: the last answer, kept to re-apply another threshold
  review: null,
  view: "inline",
  selected: null,
  request: null,
  profileStages: STAGES,
  profileShown: false,
  thresholdMoved: false, // until then the profile decides what is applied
  fileName: null,
  fileText: null, // the opened file's text, exactly (see readFile)
  layoutKey: "",
};

// ---- messages and status -------------------------------------------------------------------

function showMessage(title, text = "", kind = "error") {
  $("message-title").textContent = title;
  $("message-text").textContent = text;
  $("message").className = `message ${kind}`;
  $("message").dataset.source = "";
  $("message").hidden = false;
}

function clearMessage() {
  $("message").hidden = true;
}

function showError(error) {
  if (error instanceof ApiError) {
    const id = error.requestId ? ` Request id ${error.requestId}.` : "";
    showMessage(error.title, `${error.message}.${id}`);
    if (error.status === 401) {
      $("api-key").classList.add("attention");
      $("api-key").focus();
    }
  } else {
    showMessage("Something went wrong on this page.", String(error?.message ?? error));
  }
}

function setStatus(text) {
  $("status").textContent = text;
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

// ---- the service's profile -----------------------------------------------------------------

/** The named profiles a request may choose, from the API description (public, no key). */
async function loadProfileNames() {
  try {
    const api = await call("GET", "/openapi.json").promise;
    const names = api.components?.schemas?.NormalizeRequest?.properties?.profile?.enum ?? [];
    const select = $("profile");
    for (const name of names) select.append(new Option(name, name));
  } catch {
    // an older service without named profiles: the service's own profile is the only choice
  }
}

async function loadInfo() {
  try {
    const info = await call("GET", "/v1/info").promise;
    const { profile, limits } = info;
    if (!page.profileShown) applyProfile(profile);
    page.maxBytes = limits.max_body_bytes;
    updateInputSize();
    const allowed = profile.allow.length ? `, ${profile.allow.length} allowed words` : "";
    const names = profile.gazetteer.length ? `, ${profile.gazetteer.length} extra names` : "";
    $("server-profile").textContent = `Server profile: ${profile.source ?? "default"}, `
      + `threshold ${profile.threshold}${allowed}${names}; up to ${formatBytes(limits.max_body_bytes)} per request.`;
    $("api-key").classList.remove("attention");
    if ($("message").dataset.source === "info") clearMessage();
  } catch (error) {
    showError(error);
    $("message").dataset.source = "info";
  }
}

/** The server's profile as the options' starting values (once: later the user's choices stay). */
function applyProfile(profile) {
  page.profileShown = true;
  page.profileStages = profile.stages;
  for (const box of document.querySelectorAll('input[name="stage"]')) {
    const available = profile.stages.includes(box.value);
    box.disabled = !available;
    box.checked = available;
  }
  document.querySelector(`input[name="mode"][value="${profile.mode}"]`).checked = true;
  setThreshold(profile.threshold);
}

function setThreshold(value) {
  $("threshold").value = String(value);
  $("threshold-value").textContent = Number(value).toFixed(2);
}

// ---- input ---------------------------------------------------------------------------------

let sizeTimer = 0;
function updateInputSize() {
  clearTimeout(sizeTimer);
  sizeTimer = setTimeout(() => {
    const bytes = new TextEncoder().encode($("input").value).length;
    const over = page.maxBytes && bytes > page.maxBytes;
    const limit = !page.maxBytes ? ""
      : over ? `: over the service's limit of ${formatBytes(page.maxBytes)}, it will be refused`
        : ` (the service takes up to ${formatBytes(page.maxBytes)})`;
    $("input-size").textContent = bytes ? `${formatBytes(bytes)}${limit}` : "";
    $("input-size").classList.toggle("over", Boolean(over));
  }, 150);
}

async function readFile(file) {
  clearMessage();
  if (!TEXT_FILE.test(file.name) && !file.type.startsWith("text/")) {
    showMessage("Only text files can be opened here.", `${file.name} is not a .txt, .md or .rst file.`);
    return;
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    $("input").value = text;
    page.fileName = file.name;
    // A text box turns CR LF into LF: the file's own text is sent until the box is edited.
    page.fileText = text;
    $("format").value = FORMAT_OF_FILE.find(([pattern]) => pattern.test(file.name))?.[1] ?? "text";
    updateInputSize();
    setStatus(`Opened ${file.name} (${formatBytes(file.size)}).`);
  } catch {
    showMessage("This file is not UTF-8 text.", `${file.name} could not be read as UTF-8.`);
  }
}

function readOptions() {
  const mode = document.querySelector('input[name="mode"]:checked').value;
  const body = { text: page.fileText ?? $("input").value };
  const stages = [...document.querySelectorAll('input[name="stage"]:checked')].map((b) => b.value);
  if (stages.length === 0) throw new Error("Choose at least one stage.");
  if (stages.length < page.profileStages.length) body.only = stages;
  const allow = $("allow").value.split(/[,\n]/u).map((w) => w.trim()).filter(Boolean);
  if (allow.length) body.allow = allow;
  const names = $("names").value.split("\n").map((line) => line.trim()).filter(Boolean);
  if (names.length) {
    body.gazetteer = names.map((line) => {
      const [name, type] = line.split(",").map((part) => part.trim());
      return type ? { name, type } : { name };
    });
  }
  if ($("profile").value) body.profile = $("profile").value;
  if ($("format").value !== "text") body.format = $("format").value;
  if (mode === "fix") body.mode = "fix";
  return { mode, body };
}

// ---- running -------------------------------------------------------------------------------

let waitTimer = 0;

function showProgress(phase, fraction) {
  const bar = $("progress");
  const known = fraction !== null && fraction !== undefined;
  if (known) bar.value = fraction;
  else bar.removeAttribute("value");
  const percent = known ? ` ${Math.round(fraction * 100)}%` : "";
  const words = { upload: "Sending the text…", wait: "The service is working…",
    download: "Receiving the result…", draw: "Drawing the edits…" };
  clearInterval(waitTimer);
  setStatus(`${words[phase]}${percent}`);
  if (phase === "wait") {
    const since = performance.now();
    waitTimer = setInterval(() => {
      setStatus(`${words.wait} ${((performance.now() - since) / 1000).toFixed(1)} s`);
    }, 200);
  }
}

function setRunning(running) {
  $("run").disabled = running;
  $("cancel").hidden = !running;
  $("progress-row").hidden = !running;
  document.body.classList.toggle("busy", running);
  if (!running) clearInterval(waitTimer);
}

async function run() {
  clearMessage();
  let options;
  try {
    options = readOptions();
  } catch (error) {
    showMessage(error.message);
    return;
  }
  if (!options.body.text) {
    showMessage("There is no text to normalize.", "Paste text or drop a file first.");
    $("input").focus();
    return;
  }
  const path = options.mode === "fix" ? "/v1/normalize" : "/v1/check";
  const started = performance.now();
  setRunning(true);
  showProgress("upload", 0);
  page.request = call("POST", path, options.body, { onProgress: showProgress });
  try {
    const answer = await page.request.promise;
    page.answer = { text: options.body.text, edits: answer.edits, mode: options.mode,
      serverText: answer.text };
    await startReview(true);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    setStatus(`Done in ${seconds} s: ${summary()}`);
  } catch (error) {
    if (error instanceof ApiError && error.code === "cancelled") setStatus("Cancelled.");
    else {
      setStatus("");
      showError(error);
    }
  } finally {
    page.request = null;
    setRunning(false);
  }
}

/** Build the review of the last answer with the current threshold and draw it. */
async function startReview(fresh) {
  const { text, edits, mode, serverText } = page.answer;
  const threshold = Number($("threshold").value);
  // Until the slider is moved the profile decides (the service's `applied`), so the page shows
  // exactly the service's result whatever the profile's threshold.
  const startApplied = page.thresholdMoved
    ? (edit) => mode === "fix" && edit.confidence >= threshold
    : (edit) => edit.applied;
  try {
    page.review = new Review(text, edits, startApplied);
  } catch (error) {
    if (error instanceof OffsetError) {
      showMessage("The service's edits do not match the text.", error.message);
      return;
    }
    throw error;
  }
  const review = page.review;
  const asService = review.edits.every((e) => (e.state === APPLIED) === e.applied);
  if (fresh && serverText !== undefined && asService && review.text() !== serverText) {
    showMessage("The page's result differs from the service's.", "Please report this.", "warning");
  }
  page.selected = null;
  $("result-card").hidden = false;
  await draw((fraction) => showProgress("draw", fraction));
}

function summary() {
  const review = page.review;
  const applied = review.edits.filter((e) => e.state === APPLIED).length;
  const open = review.edits.filter((e) => e.state === OPEN).length;
  const rejected = review.edits.length - applied - open;
  const parts = [`${review.edits.length} edits`, `${applied} applied`, `${open} suggested`];
  if (rejected) parts.push(`${rejected} rejected`);
  return parts.join(", ");
}

// ---- drawing -------------------------------------------------------------------------------

function layoutKey() {
  return page.review.layout().map((e) => e.index).join(",");
}

const ACTIONS = {
  accept: (index) => decide(index, APPLIED),
  reject: (index) => decide(index, REJECTED),
  choose: (index, replacement) => decide(index, APPLIED, replacement),
  select: (index) => select(index, true),
  decideKind: (kind, state) => {
    const changed = page.review.decideKind(kind, state);
    refresh(changed);
    const verb = state === APPLIED ? "Accepted" : "Rejected";
    const count = changed.filter((i) => page.review.edits[i].kind === kind).length;
    setStatus(`${verb} ${count} ${KINDS[kind]} edit${count === 1 ? "" : "s"}. ${summary()}.`);
  },
};

async function draw(onProgress) {
  const review = page.review;
  if (page.view === "inline") {
    await drawText($("doc-inline"), review, "inline", onProgress);
  } else {
    await drawText($("doc-original"), review, "original", onProgress);
    await drawText($("doc-result"), review, "result", onProgress);
  }
  page.layoutKey = layoutKey();
  drawSide();
}

function drawSide() {
  const review = page.review;
  drawKinds($("kinds"), review, ACTIONS);
  $("summary-total").textContent = `${summary()}. Result: ${review.textLength()} characters.`;
  $("undo").disabled = review.history.length === 0;
  $("undo-what").textContent = review.lastDecision() ? `(${review.lastDecision()})` : "";
  if (page.selected === null) {
    $("details-body").hidden = true;
    $("details-empty").hidden = false;
  } else {
    drawDetails($("details-body"), review, review.edits[page.selected], ACTIONS);
    $("details-body").hidden = false;
    $("details-empty").hidden = true;
  }
}

/** Redraw after a decision: the marks of the `changed` edits only, unless the layout changed. */
async function refresh(changed) {
  const focused = document.activeElement?.closest?.(".edit")?.dataset.index;
  const many = changed.length > REDRAW_ALL;
  if (!many && layoutKey() === page.layoutKey) {
    const containers = page.view === "inline"
      ? [[$("doc-inline"), "inline"]]
      : [[$("doc-original"), "original"], [$("doc-result"), "result"]];
    for (const index of new Set(changed)) {
      for (const [container, side] of containers) {
        redrawEdit(container, page.review, page.review.edits[index], side);
      }
    }
    drawSide();
  } else {
    await draw();
  }
  if (focused !== undefined) focusEdit(Number(focused));
}

function focusEdit(index) {
  const selector = `.edit[data-index="${index}"]`;
  const container = page.view === "inline" ? $("doc-inline") : $("doc-result");
  container.querySelector(selector)?.focus();
}

function decide(index, state, replacement) {
  const review = page.review;
  const changed = review.decide(index, state, replacement);
  page.selected = index;
  refresh(changed);
  const edit = review.edits[index];
  setStatus(`${describe(edit)} ${summary()}.`);
}

function select(index, focus) {
  page.selected = index;
  drawSide();
  if (focus) focusEdit(index);
}

function undo() {
  const changed = page.review?.undo() ?? [];
  if (changed.length) {
    refresh(changed);
    setStatus(`Undone. ${summary()}.`);
  }
}

// ---- tooltip -------------------------------------------------------------------------------

function showTip(mark) {
  const edit = page.review?.edits[Number(mark.dataset.index)];
  if (!edit) return;
  const tip = $("tip");
  const lines = [
    element("strong", "", `${KINDS[edit.kind]} · ${edit.state === OPEN ? "suggested" : edit.state}`),
    element("span", "", edit.chosen === ""
      ? `removes “${quote(edit.original)}”`
      : `“${quote(edit.original)}” → “${quote(edit.chosen)}”`),
    element("span", "", edit.reason),
    element("span", "help", `rule ${edit.rule} · confidence ${edit.confidence.toFixed(2)}`
      + ` · alternatives: ${edit.alternatives.length ? edit.alternatives.join(", ") : "none"}`),
    element("span", "help", "Enter: accept · Esc: reject · click: details"),
  ];
  tip.replaceChildren(...lines);
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const left = Math.max(8, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8));
  const below = box.bottom + 6 + tip.offsetHeight < window.innerHeight;
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${(below ? box.bottom + 6 : box.top - tip.offsetHeight - 6) + window.scrollY}px`;
}

function hideTip() {
  $("tip").hidden = true;
}

// ---- copy and download ---------------------------------------------------------------------

async function copyResult() {
  const text = page.review.text();
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // no clipboard permission (an old browser, a plain-http origin): the selection route
    const area = element("textarea", "offscreen");
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) {
      showMessage("The browser did not allow copying.", "Use Download instead.");
      return;
    }
  }
  setStatus(`Copied the result (${Array.from(text).length} characters).`);
}

function downloadResult() {
  const text = page.review.text();
  const name = page.fileName ? page.fileName.replace(/(\.[^.]*)?$/u, ".clean$1") : "normalized.txt";
  const link = element("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  setStatus(`Downloaded ${name}.`);
}

/** Side by side, scrolling one pane scrolls the other to the same place (by proportion). */
function syncScroll(a, b) {
  let leader = null;
  const follow = (from, to) => () => {
    if (leader && leader !== from) return;
    leader = from;
    const range = from.scrollHeight - from.clientHeight;
    to.scrollTop = range > 0 ? (from.scrollTop / range) * (to.scrollHeight - to.clientHeight) : 0;
    requestAnimationFrame(() => { leader = null; });
  };
  a.addEventListener("scroll", follow(a, b), { passive: true });
  b.addEventListener("scroll", follow(b, a), { passive: true });
}

// ---- wiring --------------------------------------------------------------------------------

function setView(view) {
  page.view = view;
  $("view-inline").setAttribute("aria-pressed", String(view === "inline"));
  $("view-split").setAttribute("aria-pressed", String(view === "split"));
  $("doc-inline").hidden = view !== "inline";
  $("doc-split").hidden = view !== "split";
  if (page.review) draw();
}

function onDocKey(event) {
  const mark = event.target.closest(".edit[data-index]");
  if (!mark) return;
  const index = Number(mark.dataset.index);
  if (event.key === "Enter") {
    event.preventDefault();
    decide(index, APPLIED);
  } else if (event.key === "Escape") {
    event.preventDefault();
    hideTip();
    decide(index, REJECTED);
  } else if (event.key === " ") {
    event.preventDefault();
    select(index, false);
  }
}

function onDocClick(event) {
  const toggle = event.target.closest(".toggle");
  if (toggle) {
    const body = $(toggle.getAttribute("aria-controls"));
    body.hidden = !body.hidden;
    toggle.setAttribute("aria-expanded", String(!body.hidden));
    toggle.textContent = body.hidden ? "show text" : "hide text";
    toggle.setAttribute("aria-label", `${body.hidden ? "Show" : "Hide"} the text of this block`);
    return;
  }
  const mark = event.target.closest(".edit[data-index]");
  if (mark) {
    hideTip();
    select(Number(mark.dataset.index), false);
  }
}

function wire() {
  $("api-key").value = storedKey();
  const useKey = () => {
    const key = $("api-key").value.trim();
    if (key === storedKey()) return;
    storeKey(key);
    loadInfo();
  };
  $("api-key").addEventListener("change", useKey);
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    useKey();
  });
  $("input").addEventListener("input", () => {
    page.fileName = null;
    page.fileText = null;
    updateInputSize();
  });
  $("open-file").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", () => {
    if ($("file").files.length) readFile($("file").files[0]);
    $("file").value = "";
  });
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (event.dataTransfer.files.length) readFile(event.dataTransfer.files[0]);
  });
  $("options").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!page.request) run();
    } else if (event.key === "z" && (event.ctrlKey || event.metaKey)
        && !event.target.matches("input, textarea")) {
      event.preventDefault();
      undo();
    }
  });
  $("cancel").addEventListener("click", () => page.request?.cancel());
  $("threshold").addEventListener("input", () => {
    page.thresholdMoved = true;
    setThreshold($("threshold").value);
    if (page.answer?.mode === "fix" && page.review) {
      startReview(false).then(() => setStatus(`Threshold ${$("threshold").value}: ${summary()}.`));
    }
  });
  $("view-inline").addEventListener("click", () => setView("inline"));
  $("view-split").addEventListener("click", () => setView("split"));
  $("undo").addEventListener("click", undo);
  $("copy").addEventListener("click", copyResult);
  $("download").addEventListener("click", downloadResult);
  for (const id of ["doc-inline", "doc-original", "doc-result"]) {
    const doc = $(id);
    doc.addEventListener("keydown", onDocKey);
    doc.addEventListener("click", onDocClick);
    doc.addEventListener("mouseover", (event) => {
      const mark = event.target.closest(".edit[data-index]");
      if (mark) showTip(mark);
    });
    doc.addEventListener("mouseout", (event) => {
      if (event.target.closest(".edit[data-index]")) hideTip();
    });
    doc.addEventListener("focusin", (event) => {
      const mark = event.target.closest(".edit[data-index]");
      if (mark) {
        showTip(mark);
        select(Number(mark.dataset.index), false);
      }
    });
    doc.addEventListener("focusout", hideTip);
  }
  window.addEventListener("scroll", hideTip, { passive: true });
  syncScroll($("doc-original"), $("doc-result"));
}

wire();
loadProfileNames();
loadInfo();
