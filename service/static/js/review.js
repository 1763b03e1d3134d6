// The review of one result: the original text, the engine's edits and the user's decisions.
//
// Offsets in the API are Unicode code points (Python str indices). JavaScript strings are
// UTF-16, so the original is kept as an array of code points (Array.from) and every slice is
// taken from that array: an emoji before an edit counts one, as it does on the server.

export const KINDS = {
  ocr: "OCR",
  spelling: "Spelling",
  entity: "Name",
  boilerplate: "Boilerplate",
  unicode: "Unicode",
  whitespace: "Whitespace",
};

export const APPLIED = "applied";
export const OPEN = "open";
export const REJECTED = "rejected";

/** Whether two edits overlap: they share a code point, or one is an insertion inside the other
 * (the same rule as the engine's `_overlaps`). */
export function overlaps(a, b) {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return (a.start < b.end && b.start < a.end)
    || (a.start === a.end && b.start < a.start && a.start < b.end)
    || (b.start === b.end && a.start < b.start && b.start < a.end);
}

export class OffsetError extends Error {}

export class Review {
  /**
   * @param {string} text the text sent to the service
   * @param {Array<object>} edits the answer's `edits` (sorted, original coordinates)
   * @param {(edit: object) => boolean} startApplied which edits start applied
   */
  constructor(text, edits, startApplied) {
    this.chars = Array.from(text);
    this.edits = edits.map((edit, index) => ({
      ...edit, index, state: OPEN, chosen: edit.replacement,
    }));
    for (const edit of this.edits) {
      if (edit.start < 0 || edit.end > this.chars.length || edit.start > edit.end
          || this.slice(edit.start, edit.end) !== edit.original) {
        throw new OffsetError(`edit ${edit.index} (${edit.rule}) does not match the text at `
          + `code points ${edit.start}-${edit.end}`);
      }
    }
    this.#findRivals();
    const ranked = [...this.edits].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
    for (const edit of ranked) {
      if (startApplied(edit) && !this.#blocked(edit)) edit.state = APPLIED;
    }
    this.history = [];
  }

  /** The original text between two code point offsets. */
  slice(start, end) {
    return this.chars.slice(start, end).join("");
  }

  /** The text with the applied edits (their chosen replacement) and nothing else. */
  text() {
    const parts = [];
    let cursor = 0;
    for (const edit of this.edits) {
      if (edit.state !== APPLIED) continue;
      parts.push(this.slice(cursor, edit.start), edit.chosen);
      cursor = edit.end;
    }
    parts.push(this.slice(cursor, this.chars.length));
    return parts.join("");
  }

  /** The length of `text()` in code points, without building it. */
  textLength() {
    let length = this.chars.length;
    for (const edit of this.edits) {
      if (edit.state === APPLIED) length += Array.from(edit.chosen).length - (edit.end - edit.start);
    }
    return length;
  }

  /** Set one edit's state (and replacement); an applied edit displaces the applied edits it
   * overlaps. One step of the undo history; returns the indices of the edits changed. */
  decide(index, state, replacement) {
    const edit = this.edits[index];
    if (edit.state === state && (replacement ?? edit.chosen) === edit.chosen) return [];
    return this.#record(this.#change(index, state, replacement));
  }

  /** Apply or reject every edit of `kind` that is not in that state yet (one undo step);
   * returns the indices of the edits changed. */
  decideKind(kind, state) {
    const changes = [];
    for (const edit of this.edits) {
      if (edit.kind !== kind || edit.state === state) continue;
      if (state === APPLIED && this.#blocked(edit)) {
        continue; // an overlapping edit of another decision keeps its place
      }
      changes.push(...this.#change(edit.index, state, edit.chosen));
    }
    return this.#record(changes);
  }

  /** Revert the last decision; returns the indices of the edits changed (none: nothing to undo). */
  undo() {
    const step = this.history.pop();
    if (!step) return [];
    for (const change of [...step.changes].reverse()) {
      const edit = this.edits[change.index];
      edit.state = change.state;
      edit.chosen = change.chosen;
    }
    return step.changes.map((change) => change.index);
  }

  /** The last decision, described for the Undo button. */
  lastDecision() {
    return this.history.at(-1)?.label ?? "";
  }

  /** Edits shown in the text, in order: every applied edit, and each other edit that overlaps
   * no applied edit and no edit shown before it. One pass (the edits are sorted by offset). */
  layout() {
    const applied = this.edits.filter((e) => e.state === APPLIED);
    const shown = [];
    let next = 0; // the first applied edit that may still overlap what comes
    let reach = null; // the shown edit that ends last so far
    for (const edit of this.edits) {
      if (edit.state !== APPLIED) {
        while (next < applied.length && applied[next].end < edit.start) next += 1;
        let blocked = reach !== null && (overlaps(reach, edit) || overlaps(shown.at(-1), edit));
        for (let k = next; !blocked && k < applied.length && applied[k].start <= edit.end; k += 1) {
          blocked = overlaps(applied[k], edit);
        }
        if (blocked) continue;
      }
      shown.push(edit);
      if (reach === null || edit.end > reach.end) reach = edit;
    }
    return shown;
  }

  /** The other edits proposed for (part of) the same span as `edit`. */
  rivals(edit) {
    return edit.rivals.map((index) => this.edits[index]);
  }

  /** Whether an applied edit overlaps `edit`. */
  #blocked(edit) {
    return edit.rivals.some((index) => this.edits[index].state === APPLIED);
  }

  /** Each edit's `rivals` (the indices of the edits it overlaps), in one sweep over the edits
   * sorted by offset: only those still open at an edit's start can overlap it. */
  #findRivals() {
    let open = [];
    for (const edit of this.edits) {
      edit.rivals = [];
      open = open.filter((other) => other.end >= edit.start);
      for (const other of open) {
        if (overlaps(other, edit)) {
          other.rivals.push(edit.index);
          edit.rivals.push(other.index);
        }
      }
      open.push(edit);
    }
  }

  /** Per kind: how many edits are applied, open and rejected. */
  counts() {
    const counts = {};
    for (const edit of this.edits) {
      counts[edit.kind] ??= { [APPLIED]: 0, [OPEN]: 0, [REJECTED]: 0 };
      counts[edit.kind][edit.state] += 1;
    }
    return counts;
  }

  #change(index, state, replacement) {
    const edit = this.edits[index];
    const changes = [{ index, state: edit.state, chosen: edit.chosen }];
    if (state === APPLIED) {
      for (const other of this.rivals(edit)) {
        if (other.state === APPLIED) {
          changes.push({ index: other.index, state: other.state, chosen: other.chosen });
          other.state = OPEN;
        }
      }
    }
    edit.state = state;
    edit.chosen = replacement ?? edit.chosen;
    return changes;
  }

  #record(changes) {
    if (!changes.length) return [];
    const first = this.edits[changes[0].index];
    const label = changes.length > 1 && new Set(changes.map((c) => this.edits[c.index].kind)).size === 1
      && changes.every((c) => this.edits[c.index].state === first.state)
      ? `${first.state === APPLIED ? "accept" : "reject"} all ${KINDS[first.kind]}`
      : `${first.state === APPLIED ? "accept" : "reject"} ${JSON.stringify(first.original).slice(0, 24)}`;
    this.history.push({ changes, label });
    return changes.map((change) => change.index);
  }
}
