// The live guideline check: after every change (debounced) the annotations are posted to the
// server, which runs the family's item rules (the inspect engine) and answers with findings. An
// answer to an older list than the session's is dropped; the newer check is already on its way.
import { ApiError } from '../../app/api';
import type { EditSession } from '../../editor/session';
import { editorApi } from './editor-api';

export type CheckState = 'idle' | 'checking' | 'done' | 'unavailable' | 'failed';

export class LiveCheck {
  private timer = 0;
  private changes = 0;
  private stopped = false;
  state: CheckState = 'idle';
  /** Completed checks (tests wait for the next one). */
  completed = 0;
  onState: (s: CheckState) => void = () => {};

  constructor(private readonly session: EditSession, private readonly delayMs = 400) {
    session.onChange(() => {
      this.changes++;
      this.schedule();
    });
  }

  /** Checks now (at page load: the saved item's findings). */
  run(): void {
    clearTimeout(this.timer);
    if (this.stopped || this.state === 'unavailable') return;
    const asked = this.changes;
    this.set('checking');
    editorApi.check(this.session.itemId, this.session.annotations).then(r => {
      if (this.stopped || asked !== this.changes) return;
      this.session.setFindings(r.findings);
      this.completed++;
      this.set('done');
    }, (e: unknown) => {
      if (this.stopped) return;
      // No check route (server without the annotate API) or no rule pack: say so, stop asking.
      this.set(e instanceof ApiError && (e.status === 404 || e.status === 405) ? 'unavailable' : 'failed');
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.stopped) this.timer = window.setTimeout(() => this.run(), this.delayMs);
  }

  private set(s: CheckState): void {
    this.state = s;
    this.onState(s);
  }
}
