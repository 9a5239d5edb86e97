// The item being edited: its annotations, an undo/redo history of changes, and the findings of the
// last live check. Every editor tool and panel (canvas shapes, attributes, transcriptions, text
// pairs, timeline events) edits through one EditSession, so undo, autosave and the live check see
// every change the same way.
import type { Annotation } from '../app/model';

/** One reversible change to the annotation list. Indexes are positions in the list. */
export type Change =
  | { kind: 'add'; index: number; annotation: Annotation }
  | { kind: 'remove'; index: number; annotation: Annotation }
  | { kind: 'update'; index: number; before: Annotation; after: Annotation };

export type ChangeCause = 'edit' | 'undo' | 'redo' | 'load';

/** A guideline finding of the server's live check (the inspect engine's rules). */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Index of the offending annotation in the list that was checked, when the rule names one. */
  annotation?: number;
  /** The offending value as the rule reports it (a charset rule: the forbidden characters). */
  value?: unknown;
}

interface Step { label: string; changes: Change[] }

export class EditSession {
  private list: Annotation[];
  private readonly undoStack: Step[] = [];
  private readonly redoStack: Step[] = [];
  private pending: Step | null = null;
  private readonly changeListeners = new Set<(changes: Change[], cause: ChangeCause) => void>();
  private readonly findingListeners = new Set<(findings: readonly Finding[]) => void>();
  private currentFindings: Finding[] = [];
  /** Edits since the last save (undo back to the saved state still counts as a change to save). */
  private unsaved = 0;

  constructor(readonly itemId: string, annotations: readonly Annotation[], private savedVersion: number,
              private readonly historyLimit = 500) {
    this.list = annotations.map(clone);
  }

  get annotations(): readonly Annotation[] { return this.list; }
  get version(): number { return this.savedVersion; }
  get dirty(): boolean { return this.unsaved > 0; }
  get canUndo(): boolean { return this.undoStack.length > 0; }
  get canRedo(): boolean { return this.redoStack.length > 0; }
  get findings(): readonly Finding[] { return this.currentFindings; }

  /** Adds an annotation (at the end unless an index is given); returns its index. */
  add(annotation: Annotation, index = this.list.length): number {
    this.record({ kind: 'add', index, annotation: clone(annotation) });
    return index;
  }

  update(index: number, after: Annotation): void {
    const before = this.at(index);
    this.record({ kind: 'update', index, before, after: clone(after) });
  }

  remove(index: number): void {
    this.record({ kind: 'remove', index, annotation: this.at(index) });
  }

  /** Groups the changes made inside {@code work} into one undo step (e.g. a paste of many shapes). */
  batch(label: string, work: () => void): void {
    if (this.pending) { work(); return; }
    this.pending = { label, changes: [] };
    try {
      work();
    } finally {
      const step = this.pending;
      this.pending = null;
      if (step.changes.length > 0) this.push(step);
    }
  }

  undo(): boolean {
    const step = this.undoStack.pop();
    if (!step) return false;
    const inverse = step.changes.slice().reverse().map(invert);
    inverse.forEach(c => this.applyRaw(c));
    this.redoStack.push(step);
    this.unsaved++;
    this.emit(inverse, 'undo');
    return true;
  }

  redo(): boolean {
    const step = this.redoStack.pop();
    if (!step) return false;
    step.changes.forEach(c => this.applyRaw(c));
    this.undoStack.push(step);
    this.unsaved++;
    this.emit(step.changes, 'redo');
    return true;
  }

  /** After a successful save of what the session held when the save started. */
  markSaved(version: number, editsIncluded = this.unsaved): void {
    this.savedVersion = version;
    this.unsaved = Math.max(0, this.unsaved - editsIncluded);
  }

  /** Edits counted since the last save, to pass back to {@link markSaved} when the save returns. */
  get editCount(): number { return this.unsaved; }

  /** Replaces everything (a reload after a conflict, or another item): history is cleared. */
  load(annotations: readonly Annotation[], version: number): void {
    this.list = annotations.map(clone);
    this.savedVersion = version;
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.unsaved = 0;
    this.emit([], 'load');
  }

  setFindings(findings: readonly Finding[]): void {
    this.currentFindings = findings.slice();
    for (const l of this.findingListeners) l(this.currentFindings);
  }

  onChange(listener: (changes: Change[], cause: ChangeCause) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onFindings(listener: (findings: readonly Finding[]) => void): () => void {
    this.findingListeners.add(listener);
    return () => this.findingListeners.delete(listener);
  }

  private at(index: number): Annotation {
    const a = this.list[index];
    if (a === undefined) throw new RangeError(`no annotation at index ${index} (of ${this.list.length})`);
    return a;
  }

  private record(change: Change): void {
    this.applyRaw(change);
    this.redoStack.length = 0;
    this.unsaved++;
    if (this.pending) this.pending.changes.push(change);
    else this.push({ label: change.kind, changes: [change] });
    this.emit([change], 'edit');
  }

  private push(step: Step): void {
    this.undoStack.push(step);
    if (this.undoStack.length > this.historyLimit) this.undoStack.shift();
  }

  private applyRaw(c: Change): void {
    if (c.kind === 'add') {
      if (c.index < 0 || c.index > this.list.length) throw new RangeError(`cannot add at ${c.index}`);
      this.list.splice(c.index, 0, clone(c.annotation));
    } else if (c.kind === 'remove') {
      this.at(c.index);
      this.list.splice(c.index, 1);
    } else {
      this.at(c.index);
      this.list[c.index] = clone(c.after);
    }
  }

  private emit(changes: Change[], cause: ChangeCause): void {
    for (const l of this.changeListeners) l(changes, cause);
  }
}

function invert(c: Change): Change {
  if (c.kind === 'add') return { kind: 'remove', index: c.index, annotation: c.annotation };
  if (c.kind === 'remove') return { kind: 'add', index: c.index, annotation: c.annotation };
  return { kind: 'update', index: c.index, before: c.after, after: c.before };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
