// The access area's calls (openapi.yaml, area access): a dataset's request form, access requests
// with their documents and decisions, and the caller's grants.
import { call } from '../../app/api';

export type FieldType = 'text' | 'checkbox' | 'date' | 'country' | 'select';
export interface FormField { name: string; label?: string; type: FieldType; required?: boolean; options?: string[] }
export interface AccessForm { fields: FormField[]; documentRequired: boolean }
export interface AccessRules { dataset: string; mode: 'open' | 'signin' | 'gated' | 'sandbox'; form: AccessForm }

export interface AccessDocument { id: string; fileName: string; size: number; sha256: string; uploadedAt: string }
export interface Grant { id: string; dataset: string; version?: string | null; to: 'user' | 'organisation'; expiresAt: string; state: 'active' | 'expired' | 'revoked' }
export interface RequestEvent { at: string; by?: string | null; kind: string; message?: string | null }
export interface AccessRequest {
  id: string;
  dataset: string;
  state: 'submitted' | 'needs-info' | 'approved' | 'rejected' | 'expired' | 'revoked';
  version?: string | null;
  subset?: string | null;
  purpose: string;
  reason?: string | null;
  applicant?: string | null;
  organisation?: string | null;
  createdAt: string;
  updatedAt: string;
  ageDays: number;
  answers: Record<string, unknown>;
  events: RequestEvent[];
  reminders?: { at: string; waitedDays: number }[];
  /** Reviewers only: waiting for a decision at least the rule's reminder days. */
  overdue?: boolean;
  /** Reviewers only: when the reviewers were last reminded (null: never). */
  remindedAt?: string | null;
  documents: AccessDocument[];
  grant?: Grant;
}

export interface NewRequest { purpose: string; organisation?: string; version?: string; subset?: string; answers: Record<string, unknown> }
export interface Decision { decision: 'approve' | 'reject' | 'needs-info'; message?: string; expiresAt?: string; to?: 'user' | 'organisation' }

const enc = (s: string) => encodeURIComponent(s);

export const accessApi = {
  rules: (dataset: string) => call<AccessRules>('GET', `/api/datasets/${enc(dataset)}/access`),
  submit: (dataset: string, r: NewRequest) => call<AccessRequest>('POST', `/api/datasets/${enc(dataset)}/access-requests`, r),
  /** The PDF goes as the request body; the server checks its first bytes, not its name. */
  attach: (id: string, file: File) => call<AccessDocument>('POST',
    `/api/access-requests/${enc(id)}/documents?fileName=${enc(file.name)}`, file, { 'Content-Type': 'application/pdf' }),
  mine: () => call<{ requests: AccessRequest[] }>('GET', '/api/access-requests').then(r => r.requests),
  queue: () => call<{ requests: AccessRequest[] }>('GET', '/api/access-requests?as=reviewer').then(r => r.requests),
  reply: (id: string, message: string) => call<AccessRequest>('POST', `/api/access-requests/${enc(id)}/reply`, { message }),
  decide: (id: string, d: Decision) => call<AccessRequest>('POST', `/api/access-requests/${enc(id)}/decision`, d),
  grants: () => call<{ grants: Grant[] }>('GET', '/api/me/grants').then(r => r.grants),
  /** Documents download as attachments (the server never serves them inline). */
  documentUrl: (id: string, documentId: string) => `/api/access-requests/${enc(id)}/documents/${enc(documentId)}`,
};
