// The HTTP API of trainset-server (trainset-server/src/main/resources/openapi.yaml). Cookie
// sessions: the login answer's csrfToken goes back in X-CSRF-Token on every state-changing call.
import type { Annotation, DatasetSchema, Item } from './model';

export type Id = string | number;

export class ApiError extends Error {
  constructor(readonly status: number, readonly error: string, readonly detail: string | undefined) {
    super(detail ? `${error}: ${detail}` : error);
  }
}

export interface LoginResult { csrfToken: string; user?: { username?: string; name?: string; role?: string } }

export interface ProjectSummary {
  id: Id;
  name: string;
  family?: string;
  items?: number;
  createdAt?: string;
}

export interface Project extends ProjectSummary {
  schema?: DatasetSchema;
  rulePack?: string;
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

/** An item of a page of items: the model's item plus its server id and version. */
export type ServerItem = Item & { itemId?: Id; version?: number; projectId?: Id };

export interface ItemsPage { total: number; items: ServerItem[] }

export interface ItemQuery { offset: number; limit: number; label?: string; subset?: string; q?: string; finding?: string }

export interface Finding {
  ruleId: string;
  severity: string;
  itemId: string;
  annotationId?: string;
  message: string;
  value?: unknown;
  relatedId?: string;
}

const CSRF_KEY = 'trainset.csrf';
let unauthorisedHandler: () => void = () => {};

/** Where to go when a call answers 401 (the app shows the login page). */
export function onUnauthorised(handler: () => void): void {
  unauthorisedHandler = handler;
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (csrf) h['X-CSRF-Token'] = csrf;
  }
  const res = await fetch(path, {
    method, headers: h, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let error = res.statusText || `HTTP ${res.status}`;
    let detail: string | undefined;
    try {
      const j = await res.json() as { error?: string; detail?: string };
      if (j.error) error = j.error;
      detail = j.detail;
    } catch { /* not JSON */ }
    if (res.status === 401 && !path.startsWith('/api/auth/login')) unauthorisedHandler();
    throw new ApiError(res.status, error, detail);
  }
  if (res.status === 204) return undefined as T;
  return await res.json() as T;
}

const enc = (id: Id) => encodeURIComponent(String(id));

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
  projects: () => call<ProjectSummary[] | { projects: ProjectSummary[] }>('GET', '/api/projects')
    .then(r => Array.isArray(r) ? r : r.projects),
  project: (id: Id) => call<Project>('GET', `/api/projects/${enc(id)}`),
  stats: (id: Id) => call<Stats>('GET', `/api/projects/${enc(id)}/stats`),
  items(projectId: Id, q: ItemQuery): Promise<ItemsPage> {
    const p = new URLSearchParams({ offset: String(q.offset), limit: String(q.limit) });
    if (q.label) p.set('label', q.label);
    if (q.subset) p.set('subset', q.subset);
    if (q.q) p.set('q', q.q);
    if (q.finding) p.set('finding', q.finding);
    return call<ItemsPage>('GET', `/api/projects/${enc(projectId)}/items?${p}`);
  },
  item: (id: Id) => call<ServerItem>('GET', `/api/items/${enc(id)}`),
  saveAnnotations: (id: Id, version: number, annotations: Annotation[]) =>
    call<ServerItem>('PUT', `/api/items/${enc(id)}/annotations`, annotations, { 'If-Match': String(version) }),
  findings: (projectId: Id) => call<Finding[] | { findings: Finding[] }>('GET', `/api/projects/${enc(projectId)}/findings`)
    .then(r => Array.isArray(r) ? r : r.findings),
  /** Media bytes come only through this authorised route (cookies go with same-origin requests). */
  mediaUrl: (itemId: Id, index = 0) => `/api/items/${enc(itemId)}/media${index > 0 ? `?index=${index}` : ''}`,
  thumbnailUrl: (itemId: Id) => `/api/items/${enc(itemId)}/media`,
};

/** The id the server knows an item by in /api/items/{id}. */
export function serverId(item: ServerItem): Id {
  return item.itemId ?? item.id;
}
