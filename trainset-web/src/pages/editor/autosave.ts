// Autosave of the edit session: a debounced PUT of the annotations with If-Match: <version>. A
// 409 means someone saved a newer version: saving stops, the newer version is fetched and shown
// with what it changed, and the user either loads it or saves theirs on top of it (the other
// version stays in the item's history). Nothing is overwritten silently.
import { ApiError, api, type ServerItem } from '../../app/api';
import type { Annotation } from '../../app/model';
import type { EditSession } from '../../editor/session';

export type SaveState =
  | { kind: 'saved'; version: number }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict'; theirs: ServerItem; diff: ConflictDiff }
  | { kind: 'error'; message: string };

/** What the other version changed relative to the version this session started from. */
export interface ConflictDiff { added: string[]; removed: string[]; author: string | null; version: number; mine: number }

export class AutoSaver {
  private timer = 0;
  private inFlight: Promise<void> | null = null;
  private current: SaveState;
  /** The annotations as last loaded or saved (JSON per annotation), to summarise a conflict. */
  private base: string[];
  private readonly listeners = new Set<(s: SaveState) => void>();
  private stopped = false;

  constructor(private readonly session: EditSession, private readonly delayMs = 800) {
    this.current = { kind: 'saved', version: session.version };
    this.base = session.annotations.map(a => JSON.stringify(a));
    session.onChange((_, cause) => {
      if (cause === 'load') {
        this.base = session.annotations.map(a => JSON.stringify(a));
        this.set({ kind: 'saved', version: session.version });
        return;
      }
      if (this.current.kind === 'conflict') return; // the user decides first
      this.set({ kind: 'dirty' });
      this.schedule();
    });
  }

  get state(): SaveState { return this.current; }

  onState(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves now (waiting for a save already running); resolves when nothing is left to save. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (this.session.dirty && this.current.kind !== 'conflict') await this.save(this.session.version);
    else this.synced();
  }

  /** The session was brought level with the server another way (an accepted draft is a version). */
  synced(): void {
    if (this.session.dirty || this.current.kind === 'conflict' || this.inFlight) return;
    clearTimeout(this.timer);
    this.base = this.session.annotations.map(a => JSON.stringify(a));
    this.set({ kind: 'saved', version: this.session.version });
  }

  /** Conflict: load the other version (this session's unsaved edits are dropped, on request). */
  reloadTheirs(): void {
    if (this.current.kind !== 'conflict') return;
    const theirs = this.current.theirs;
    this.session.load(theirs.annotations, theirs.version);
  }

  /** Conflict: save this session's annotations as a new version on top of the other one. */
  async keepMine(): Promise<void> {
    if (this.current.kind !== 'conflict') return;
    await this.save(this.current.theirs.version);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = window.setTimeout(() => { void this.flush(); }, this.delayMs);
  }

  private save(ifMatch: number): Promise<void> {
    const edits = this.session.editCount;
    const annotations = this.session.annotations.slice() as Annotation[];
    this.set({ kind: 'saving' });
    const run = api.saveAnnotations(this.session.itemId, ifMatch, annotations).then(r => {
      this.session.markSaved(r.version, edits);
      this.base = annotations.map(a => JSON.stringify(a));
      this.set(this.session.dirty ? { kind: 'dirty' } : { kind: 'saved', version: r.version });
      if (this.session.dirty) this.schedule();
    }, async (e: unknown) => {
      if (e instanceof ApiError && e.status === 409) {
        const theirs = await api.item(this.session.itemId);
        this.set({ kind: 'conflict', theirs, diff: this.diff(theirs) });
      } else {
        this.set({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    }).finally(() => { this.inFlight = null; });
    this.inFlight = run;
    return run;
  }

  private diff(theirs: ServerItem): ConflictDiff {
    const counts = new Map<string, number>();
    for (const b of this.base) counts.set(b, (counts.get(b) ?? 0) + 1);
    const added: string[] = [];
    for (const a of theirs.annotations) {
      const key = JSON.stringify(a);
      const n = counts.get(key) ?? 0;
      if (n > 0) counts.set(key, n - 1);
      else added.push(`${a.type} ${a.label}`);
    }
    const removed: string[] = [];
    for (const [key, n] of counts) {
      if (n <= 0) continue;
      const a = JSON.parse(key) as Annotation;
      for (let i = 0; i < n; i++) removed.push(`${a.type} ${a.label}`);
    }
    return { added, removed, author: theirs.updatedBy ?? null, version: theirs.version, mine: this.session.editCount };
  }

  private set(s: SaveState): void {
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}
