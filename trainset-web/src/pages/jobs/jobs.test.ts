import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { dragWindow } from '../../editor/panels/dicom-panel';
import { forbiddenIn, forbiddenNamed } from '../../editor/panels/transcription-panel';
import { nextItemOf } from './job-bar';
import { editUrl, openFindingsOf, percentDone, type JobDetail } from './jobs-api';

const job = (nextItemId: string | null, states: string[]): JobDetail => ({
  id: 'j1', projectId: 'p', name: 'job 1', state: 'in_progress', assignee: null, itemCount: states.length,
  doneCount: states.filter(s => s === 'done').length, items: states.map((state, i) => ({ id: `i${i}`, name: `n${i}`, state })), nextItemId,
});

describe('jobs', () => {
  it('goes to the server next item, or past the current one while its save is on its way', () => {
    expect(nextItemOf(job('i2', ['done', 'todo', 'todo']), 'i1')).toBe('i2');
    expect(nextItemOf(job('i1', ['done', 'todo', 'todo']), 'i1')).toBe('i2');
    expect(nextItemOf(job('i2', ['done', 'done', 'todo']), 'i2')).toBeNull();
    expect(nextItemOf(job(null, ['done', 'done']), 'i1')).toBeNull();
  });

  it('reads the open findings of a refused submit and nothing else', () => {
    const refused = new ApiError(409, 'open_findings', '1 open error', { error: 'open_findings', findings: [{ rule: 'ocr.charset', message: 'x' }] });
    expect(openFindingsOf(refused)).toEqual([{ rule: 'ocr.charset', message: 'x' }]);
    expect(openFindingsOf(new ApiError(409, 'conflict', undefined))).toBeNull();
    expect(openFindingsOf(new Error('network'))).toBeNull();
    expect(editUrl('a b', 'j/1')).toBe('/items/a%20b/edit?job=j%2F1');
    expect(percentDone({ itemCount: 3, doneCount: 1 })).toBe(33);
    expect(percentDone({ itemCount: 0, doneCount: 0 })).toBe(0);
  });

  it('marks the characters a charset finding named, wherever they are typed', () => {
    const named = forbiddenNamed([
      { rule: 'ocr.charset', severity: 'error', message: "text 'a#b%' ...", value: '#%' },
      { rule: 'ocr.max-transcribed', severity: 'error', message: 'too many', value: 22 },
    ]);
    expect([...named].sort()).toEqual(['#', '%']);
    expect(forbiddenIn('Hello', named)).toEqual([]);
    expect(forbiddenIn('50%#%', named)).toEqual(['%', '#']);
  });

  it('turns a drag on the window/level pad into a window: right widens, up raises the level', () => {
    expect(dragWindow([1000, 2000], 100, 0, 4000, 400)).toEqual([1000, 3000]);
    expect(dragWindow([1000, 2000], 0, -50, 4000, 400)).toEqual([1500, 2000]);
    expect(dragWindow([1000, 2000], -400, 0, 4000, 400)[1]).toBe(1);
  });
});
