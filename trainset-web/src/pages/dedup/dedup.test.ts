import { describe, expect, it } from 'vitest';
import { changedDecisions, dedupUrl, type DedupCluster } from './dedup-api';

const clusters: DedupCluster[] = [{ members: [
  { itemId: 'a', rule: 'keep', phashDistance: 0, dhashDistance: 0, keep: null },
  { itemId: 'b', rule: 'near', phashDistance: 4, dhashDistance: 6, keep: true },
  { itemId: 'c', rule: 'exact', phashDistance: 0, dhashDistance: 0, keep: false },
] }];

describe('dedup decisions', () => {
  it('posts only what differs from the stored decisions', () => {
    const choice = new Map([['a', true], ['b', false], ['c', false]]);
    expect(changedDecisions(clusters, choice)).toEqual([{ itemId: 'a', keep: true }, { itemId: 'b', keep: false }]);
  });
  it('leaves untouched undecided members out', () => {
    expect(changedDecisions(clusters, new Map())).toEqual([]);
  });
  it('escapes the job id in the page URL', () => {
    expect(dedupUrl('a/b')).toBe('/jobs/a%2Fb/dedup');
  });
});
