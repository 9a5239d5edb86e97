// The HTTP API of trainset-server (trainset-server/src/main/resources/openapi.yaml). Cookie
// sessions: the login answer's csrfToken goes back in X-CSRF-Token on every state-changing call.
import type { Annotation, Attributes, DatasetSchema, MediaRef } from './model';

export type Id = string | number;

export class ApiError extends Error {
  /** `body` is the whole JSON error answer (e.g. the open findings of a refused job submit). */
  constructor(readonly status: number, readonly error: string, readonly detail: string | undefined,
              readonly body: Record<string, unknown> = {}) {
    super(detail ? `${error}: ${detail}` : error);
  }
}

export interface User { id: string; username: string; role: string; orgs: string[] }
export interface LoginResult { csrfToken: string; user: User }

export interface Project {
  id: Id;
  name: string;
  org?: string;
  family?: string;
  rulePack?: string | null;
  format?: string | null;
  items?: number;
  generation?: number;
  /** ms since the epoch */
  createdAt?: number;
  schema?: DatasetSchema | null;
}

/** The same JSON as `trainset stats --json`. */
export interface Stats {
  items: number;
  annotations: number;
  byType: Record<string, number>;
  byLabel: Record<string, number>;
  bySubset: Record<string, number>;
  media?: Record<string, number>;
}

/** A media file of an item as the server describes it; `url` is its authorised route. */
export type MediaSummary = MediaRef & { url?: string | null; sha256?: string | null };

/** An item of a page of items (no annotations; `name` is the item's id inside its dataset). */
export interface ItemSummary {
  id: string;
  name: string;
  subset?: string | null;
  version: number;
  labels: string[];
  annotationCount: number;
  media: MediaSummary[];
}

/** The item in the model's JSON with the server's id (`id`), its dataset id (`name`) and version. */
export interface ServerItem {
  id: string;
  name: string;
  projectId: string;
  version: number;
  subset?: string | null;
  media: MediaSummary[];
  attributes?: Attributes;
  annotations: Annotation[];
  updatedBy?: string | null;
  updatedAt?: number;
}

export interface ItemsPage { total: number; items: ItemSummary[] }

export interface ItemQuery { offset: number; limit: number; label?: string; subset?: string; q?: string }

/** One finding as `trainset inspect --json` lists it; itemRef is the server id of its item. */
export interface Finding {
  rule: string;
  severity: string;
  item?: string;
  itemRef?: string;
  annotation?: string;
  related?: string;
  message: string;
  value?: unknown;
}

export interface Findings {
  pack: string;
  items: number;
  findings: number;
  bySeverity?: Record<string, number>;
  byRule?: Record<string, number>;
  shown: Finding[];
}

const CSRF_KEY = 'trainset.csrf';
let unauthorisedHandler: () => void = () => {};

/** Where to go when a call answers 401 (the app shows the login page). */
export function onUnauthorised(handler: () => void): void {
  unauthorisedHandler = handler;
}

export async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  // a Blob (an uploaded file) goes as it is, with the Content-Type the caller gives
  const raw = body instanceof Blob;
  if (body !== undefined && !raw) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (csrf) h['X-CSRF-Token'] = csrf;
  }
  const res = await fetch(path, {
    method, headers: h, credentials: 'same-origin',
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  if (!res.ok) {
    let error = res.statusText || `HTTP ${res.status}`;
    let detail: string | undefined;
    let body: Record<string, unknown> = {};
    try {
      const j = await res.json() as { error?: string; detail?: string };
      if (j.error) error = j.error;
      detail = j.detail;
      body = j as Record<string, unknown>;
    } catch { /* not JSON */ }
    if (res.status === 401 && !path.startsWith('/api/auth/login')) unauthorisedHandler();
    throw new ApiError(res.status, error, detail, body);
  }
  if (res.status === 204) return undefined as T;
  return await res.json() as T;
}

const enc = (id: Id) => encodeURIComponent(String(id));

/** A background operation (import, export, release freeze) as `GET /api/operations/{id}` gives it. */
export interface Operation {
  id: string; kind: string; state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled'; progress: number;
  result?: unknown; error?: string | null;
}

/**
 * Follows a background operation until it ends and resolves with its result; `onPoll` sees each
 * state (for a progress line). A failed or cancelled operation rejects with its error.
 */
export async function awaitOperation<T>(id: string, onPoll: (op: Operation) => void = () => {}, intervalMs = 400): Promise<T> {
  for (;;) {
    const op = await call<Operation>('GET', `/api/operations/${enc(id)}`);
    onPoll(op);
    if (op.state === 'done') return op.result as T;
    if (op.state === 'failed' || op.state === 'cancelled') throw new ApiError(422, op.state, op.error ?? undefined);
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

export const api = {
  async login(username: string, password: string): Promise<LoginResult> {
    const r = await call<LoginResult>('POST', '/api/auth/login', { username, password });
    sessionStorage.setItem(CSRF_KEY, r.csrfToken);
    return r;
  },
  async logout(): Promise<void> {
    try {
      await call<void>('POST', '/api/auth/logout');
    } finally {
      sessionStorage.removeItem(CSRF_KEY);
    }
  },
  me: () => call<User>('GET', '/api/me'),
  projects: () => call<{ projects: Project[] }>('GET', '/api/projects').then(r => r.projects),
  project: (id: Id) => call<Project>('GET', `/api/projects/${enc(id)}`),
  stats: (id: Id) => call<Stats>('GET', `/api/projects/${enc(id)}/stats`),
  items(projectId: Id, q: ItemQuery): Promise<ItemsPage> {
    const p = new URLSearchParams({ offset: String(q.offset), limit: String(q.limit) });
    if (q.label) p.set('label', q.label);
    if (q.subset) p.set('subset', q.subset);
    if (q.q) p.set('q', q.q);
    return call<ItemsPage>('GET', `/api/projects/${enc(projectId)}/items?${p}`);
  },
  item: (id: Id) => call<ServerItem>('GET', `/api/items/${enc(id)}`),
  saveAnnotations: (id: Id, version: number, annotations: Annotation[]) =>
    call<{ id: string; version: number }>('PUT', `/api/items/${enc(id)}/annotations`, annotations, { 'If-Match': String(version) }),
  findings: (projectId: Id, limit = 10000) => call<Findings>('GET', `/api/projects/${enc(projectId)}/findings?limit=${limit}`),
  /** Media bytes come only through this authorised route (cookies go with same-origin requests). */
  mediaUrl: (itemId: Id, index = 0) => `/api/items/${enc(itemId)}/media${index > 0 ? `?index=${index}` : ''}`,
};
