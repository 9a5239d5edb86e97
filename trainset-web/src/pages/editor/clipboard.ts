// Copy and paste of annotations between items (and browser tabs): the clipboard is a JSON entry
// in localStorage, so it survives moving to the next item.
import type { Annotation } from '../../app/model';
import { isSpatial } from '../../app/model';
import { translated } from '../../canvas/shape-editor';

const KEY = 'trainset.editor.clipboard';

interface Clip { item: string; annotations: Annotation[] }

export function copy(itemId: string, annotations: Annotation[]): void {
  localStorage.setItem(KEY, JSON.stringify({ item: itemId, annotations } satisfies Clip));
}

/** The clipboard's annotations for pasting into `itemId`; in the same item they move 10 px so both show. */
export function pasted(itemId: string): Annotation[] {
  let clip: Clip;
  try {
    clip = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Clip;
  } catch {
    return [];
  }
  if (!clip || !Array.isArray(clip.annotations)) return [];
  return clip.annotations.map(a => {
    const { id: _drop, ...copyOf } = a; // a pasted shape is a new annotation, not the same one
    return clip.item === itemId && isSpatial(copyOf as Annotation) ? translated(copyOf as never, 10, 10) : copyOf as Annotation;
  });
}
