// The dedup part of the jobs API (openapi.yaml, area "annotate"): a job of kind `dedup` carries
// the near-duplicate clusters refine's `dedup images` found among its images; people record
// keep/drop per member with POST /api/jobs/{id}/dedup-decisions.
import { call, type Id } from '../../app/api';
import type { JobDetail } from '../jobs/jobs-api';

export type DedupRule = 'keep' | 'exact' | 'near';

export interface DedupMember {
  itemId: string;
  /** `keep`: the cluster's first member (kept by default); `exact`/`near`: how it matched it. */
  rule: DedupRule;
  /** Hamming distances of the perceptual hashes to the cluster's first member. */
  phashDistance: number;
  dhashDistance: number;
  /** The decision; null while undecided. */
  keep: boolean | null;
}

export interface DedupCluster { members: DedupMember[] }

export interface DedupJob extends JobDetail { clusters?: DedupCluster[] }

export interface DedupDecision { itemId: string; keep: boolean }

const enc = (id: Id) => encodeURIComponent(String(id));

export const dedupApi = {
  job: (jobId: Id) => call<DedupJob>('GET', `/api/jobs/${enc(jobId)}`),
  decide: (jobId: Id, decisions: DedupDecision[]) =>
    call<{ clusters: DedupCluster[] }>('POST', `/api/jobs/${enc(jobId)}/dedup-decisions`, { decisions }).then(r => r.clusters),
};

/** The page of a dedup job's clusters. */
export function dedupUrl(jobId: Id): string {
  return `/jobs/${enc(jobId)}/dedup`;
}

/**
 * The decisions to post: every member whose choice on the page differs from the stored one
 * (undecided members the person did not touch are left undecided).
 */
export function changedDecisions(clusters: DedupCluster[], choice: ReadonlyMap<string, boolean>): DedupDecision[] {
  const out: DedupDecision[] = [];
  for (const c of clusters) {
    for (const m of c.members) {
      const chosen = choice.get(m.itemId);
      if (chosen !== undefined && chosen !== m.keep) out.push({ itemId: m.itemId, keep: chosen });
    }
  }
  return out;
}
