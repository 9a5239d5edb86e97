// A text field that edits one annotation field through the EditSession. Typing is coalesced: the
// edit is committed after a short pause (or at once on blur / Enter), so one word typed is one undo
// step rather than one per key, and autosave and the live check see the text shortly after it is
// typed. An undo/redo that changes the field shows the new text in the box.
import type { Annotation } from '../../app/model';
import type { EditSession } from '../session';

export const TYPING_PAUSE_MS = 350;

export interface TextBinding {
  /** Points the field at another annotation (or none); a pending edit of the previous one is committed first. */
  bind(index: number | null): void;
  /** Commits a pending edit now. */
  flush(): void;
  dispose(): void;
}

export function bindText(field: HTMLInputElement | HTMLTextAreaElement, session: EditSession,
                         read: (a: Annotation) => string | null, write: (a: Annotation, text: string) => Annotation,
                         onTyped: (text: string) => void = () => {}): TextBinding {
  let index: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const current = () => (index === null ? undefined : session.annotations[index]);
  const show = () => {
    const a = current();
    const text = a ? read(a) : null;
    field.disabled = text === null;
    if (field.value !== (text ?? '')) field.value = text ?? '';
    onTyped(field.value);
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const a = current();
    if (!a || index === null) return;
    const before = read(a);
    if (before === null || before === field.value) return;
    session.update(index, write(a, field.value));
  };
  const onInput = () => {
    onTyped(field.value);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, TYPING_PAUSE_MS);
  };
  const onKey = (e: Event) => {
    if ((e as KeyboardEvent).key === 'Enter' && field instanceof HTMLInputElement) flush();
  };
  field.addEventListener('input', onInput);
  field.addEventListener('blur', flush);
  field.addEventListener('keydown', onKey);
  const off = session.onChange((_changes, cause) => {
    // Our own commit already shows its text; an undo, redo or reload replaces what is typed.
    if (cause === 'edit' && timer === undefined) { show(); return; }
    if (cause !== 'edit') {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      show();
    }
  });
  return {
    bind(i) {
      flush();
      index = i;
      show();
    },
    flush,
    dispose() {
      flush();
      off();
      field.removeEventListener('input', onInput);
      field.removeEventListener('blur', flush);
      field.removeEventListener('keydown', onKey);
    },
  };
}
