// The jobs part of the HTTP API (openapi.yaml, area "annotate"): a manager splits a project into
// jobs and assigns them; an annotator lists their jobs, takes a free one, works through its items
// and submits it. Calls go through the app's one `call` (cookies, CSRF header, ApiError).
import { api, ApiError, awaitOperation, call, type Id } from '../../app/api';

export type JobState = 'new' | 'in_progress' | 'submitted';

export interface Job {
  id: string;
  projectId: string;
  name: string;
  /** annotate (default), deid (regions to de-identify) or dedup (near-duplicate clusters: the dedup page). */
  kind?: 'annotate' | 'deid' | 'dedup';
  state: JobState;
  assignee: { id: string; username: string } | null;
  itemCount: number;
  doneCount: number;
  aspect?: string | null;
  qualification?: string | null;
  createdAt?: number;
}

export interface JobItem { id: string; name: string; state: string }

export interface JobDetail extends Job {
  items: JobItem[];
  /** The first item not done yet, or null when every item is done. */
  nextItemId: string | null;
}

/** How to split a project: N items per job, one job per subset, and/or one job per aspect. */
export interface SplitRequest {
  size?: number;
  bySubset?: boolean;
  aspects?: string[];
  qualification?: string;
  frameRate?: number;
}

export interface OrgUser { id: string; username: string; role?: string; roles?: string[]; qualifications?: string[] }

/** One open finding the server names when it refuses a submit (409 open_findings). */
export interface OpenFinding { rule?: string; severity?: string; message?: string; item?: string; itemRef?: string }

const enc = (id: Id) => encodeURIComponent(String(id));

export const jobsApi = {
  projectJobs: (projectId: Id) => call<{ jobs: Job[] }>('GET', `/api/projects/${enc(projectId)}/jobs`).then(r => r.jobs),
  /**
   * Splits as a background operation (`Prefer: respond-async`, kind `job-split`): a big project's
   * split would otherwise hold the request open. `onProgress` hears 0..1; resolves with the jobs made.
   */
  split: (projectId: Id, req: SplitRequest, onProgress: (fraction: number) => void = () => {}) =>
    call<{ operationId: string }>('POST', `/api/projects/${enc(projectId)}/jobs`, req, { Prefer: 'respond-async' })
      .then(started => awaitOperation<{ jobs: Job[] }>(started.operationId, op => onProgress(op.progress)))
      .then(r => r.jobs),
  job: (jobId: Id) => call<JobDetail>('GET', `/api/jobs/${enc(jobId)}`),
  assign: (jobId: Id, userId: string | null) => call<Job>('POST', `/api/jobs/${enc(jobId)}/assignee`, { userId }),
  take: (jobId: Id) => call<Job>('POST', `/api/jobs/${enc(jobId)}/assignee`, { take: true }),
  /** The signed-in user's jobs. */
  myJobs: () => call<{ jobs: Job[] }>('GET', '/api/me/jobs').then(r => r.jobs),
  /**
   * Jobs nobody holds that the user may take: a project's job list shows an annotator their own
   * jobs and the free ones they are qualified for.
   */
  async freeJobs(): Promise<Job[]> {
    const projects = await api.projects();
    const lists = await Promise.all(projects.map(p => jobsApi.projectJobs(p.id).catch(() => [] as Job[])));
    return lists.flat().filter(j => j.assignee === null && j.state !== 'submitted');
  },
  submit: (jobId: Id, override?: { reason: string }) =>
    call<Job>('POST', `/api/jobs/${enc(jobId)}/submit`, override ? { override: true, reason: override.reason } : {}),
  users: () => call<{ users: OrgUser[] }>('GET', '/api/users').then(r => r.users),
};

/** The findings a refused submit names, or null when the error is something else. */
export function openFindingsOf(e: unknown): OpenFinding[] | null {
  if (!(e instanceof ApiError) || e.status !== 409 || e.error !== 'open_findings') return null;
  const f = e.body['findings'];
  return Array.isArray(f) ? f as OpenFinding[] : [];
}

/** Where the editor opens an item of a job. */
export function editUrl(itemId: string, jobId: string): string {
  return `/items/${enc(itemId)}/edit?job=${enc(jobId)}`;
}

/** Progress as a whole percentage (0 for an empty job). */
export function percentDone(job: Pick<Job, 'itemCount' | 'doneCount'>): number {
  return job.itemCount > 0 ? Math.round((100 * job.doneCount) / job.itemCount) : 0;
}
