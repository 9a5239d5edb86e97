// The sandbox part of the HTTP API (openapi.yaml, area "sandbox"): jobs on a sandbox dataset's
// release, their live log (SSE), quarantined outputs with their automatic checks, the checker's
// queue and decisions. JSON calls go through the app's one `call`; the multipart submit sends the
// same CSRF header itself.
import { ApiError, call, type Id } from '../../app/api';
import type { MessageKey } from '../../i18n/en';

/** A message key built from a server value (state, severity); the tables have one per value. */
export const key = (k: string) => k as MessageKey;

export type JobState = 'queued' | 'running' | 'checking' | 'done' | 'failed';

export interface SandboxStatus {
  scripts: boolean;
  reason: string;
  recipes: string[];
  runtimes: string[];
  limits: Record<string, number>;
}

export interface SandboxJob {
  id: string;
  dataset: string;
  version: string;
  kind: 'recipe' | 'script';
  spec: Record<string, unknown>;
  state: JobState;
  exitCode?: number;
  error?: string;
  createdAt: number;
  outputs: number;
}

export interface Finding { severity: 'block' | 'warn'; check: string; where: string; message: string }

export interface SandboxOutput {
  id: string;
  jobId: string;
  path: string;
  size: number;
  sha256: string;
  fileType: string;
  checks: Finding[];
  blocked: boolean;
  state: 'quarantined' | 'approved' | 'approved-with-changes' | 'rejected';
  reason?: string;
  dataset: string;
  version: string;
  createdAt: number;
  ageMillis?: number;
}

export type Decision = 'approve' | 'approve-with-changes' | 'reject';

const enc = (id: Id) => encodeURIComponent(String(id));

export const sandboxApi = {
  status: () => call<SandboxStatus>('GET', '/api/sandbox'),
  myJobs: () => call<SandboxJob[]>('GET', '/api/sandbox-jobs'),
  job: (id: Id) => call<SandboxJob>('GET', `/api/sandbox-jobs/${enc(id)}`),
  outputs: (id: Id) => call<SandboxOutput[]>('GET', `/api/sandbox-jobs/${enc(id)}/outputs`),
  queue: () => call<SandboxOutput[]>('GET', '/api/sandbox-queue'),
  decide: (outputId: Id, decision: Decision, reason?: string) =>
    call<SandboxOutput>('POST', `/api/sandbox-outputs/${enc(outputId)}/decision`, reason ? { decision, reason } : { decision }),
  recipe: (dataset: string, spec: Record<string, unknown>) =>
    call<SandboxJob>('POST', `/api/datasets/${enc(dataset)}/sandbox-jobs`, spec),
  /** A script (or a recipe with its predictions file) as multipart: `spec` JSON and one file field. */
  async upload(dataset: string, spec: Record<string, unknown>, field: 'file' | 'predictions', file: File): Promise<SandboxJob> {
    const form = new FormData();
    form.append('spec', JSON.stringify(spec));
    form.append(field, file, file.name);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const csrf = sessionStorage.getItem('trainset.csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const res = await fetch(`/api/datasets/${enc(dataset)}/sandbox-jobs`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
    const body = await res.json().catch(() => ({})) as Record<string, unknown>;
    if (!res.ok) throw new ApiError(res.status, String(body.error ?? res.status), body.detail as string | undefined, body);
    return body as unknown as SandboxJob;
  },
  downloadUrl: (outputId: Id) => `/api/sandbox-outputs/${enc(outputId)}/download`,
  /** Follows the job's log live: `line` per log line, `end` once with the finished job. */
  follow(id: Id, line: (text: string) => void, end: (job: SandboxJob) => void): () => void {
    const source = new EventSource(`/api/sandbox-jobs/${enc(id)}/log`);
    source.addEventListener('log', e => line((e as MessageEvent<string>).data));
    source.addEventListener('state', e => {
      source.close();
      end(JSON.parse((e as MessageEvent<string>).data) as SandboxJob);
    });
    source.onerror = () => source.close();
    return () => source.close();
  },
};
