// The editor's calls of the annotate API (openapi.yaml, area jobs): the live check of a draft
// annotation list, the item's draft annotations (pre-annotation) and decisions on them, and the
// version history shown when a save meets a newer version.
import { call, type Id } from '../../app/api';
import type { Annotation } from '../../app/model';
import type { Finding } from '../../editor/session';

export interface CheckResult { version: number; findings: Finding[] }
export interface DraftJson { id: string; annotation: Annotation; score?: number | null; source?: string | null }
export interface VersionJson { version: number; author: string; createdAt: number; summary?: string; annotations: Annotation[] }

const enc = (id: Id) => encodeURIComponent(String(id));

export const editorApi = {
  /** Runs the family's item rules on `annotations` (not saved) and returns their findings. */
  check: (itemId: Id, annotations: readonly Annotation[]) =>
    call<CheckResult>('POST', `/api/items/${enc(itemId)}/check`, { annotations }),
  drafts: (itemId: Id) => call<{ drafts: DraftJson[] }>('GET', `/api/items/${enc(itemId)}/drafts`).then(r => r.drafts),
  decide: (draftId: Id, decision: 'accept' | 'reject', version: number) =>
    call<{ version: number }>('POST', `/api/drafts/${enc(draftId)}/decision`, { decision, version }),
  versions: (itemId: Id) => call<{ versions: VersionJson[] }>('GET', `/api/items/${enc(itemId)}/versions`).then(r => r.versions),
};
