// The review area's calls (openapi.yaml, area review): the reviewer's queue, verdicts, issues
// pinned on shapes, the project's workflow, its quality figures and its stages' ISO 2859-1 inspection.
import { call, type Id } from '../../app/api';
import type { Annotation } from '../../app/model';

export interface QueueEntry {
  itemId: string;
  name: string;
  projectId: string;
  project: string;
  stage: string;
  kind: string;
  author?: string | null;
  round: number;
  enteredAt: number;
}

export interface IssueComment { id: string; author?: string | null; text: string; reviewerOnly: boolean; at: number }

export interface IssueAnchor { kind: 'annotation' | 'point' | 'area' | 'item'; annotationIndex?: number; x?: number; y?: number; w?: number; h?: number }

export interface ReviewIssue {
  id: string;
  itemId: string;
  stage?: string | null;
  createdBy?: string | null;
  category: string;
  anchor: IssueAnchor;
  mqm?: { code: string; severity: string };
  auto: boolean;
  state: 'open' | 'resolved';
  createdAt: number;
  updatedAt: number;
  comments: IssueComment[];
}

export interface NewIssue {
  category: string;
  stage?: string;
  comment?: string;
  reviewerOnly?: boolean;
  annotationIndex?: number;
  point?: { x: number; y: number };
  area?: { x: number; y: number; w: number; h: number };
}

export interface ReviewResult { itemId: string; stage: string; verdict: string; state: string; nextStage?: string | null }

export interface WorkflowInfo {
  yaml: string;
  name: string;
  stages: { name: string; kind: string; sampling: string; who: string[]; checks: string[] }[];
  issueCategories: string[];
  reviewerOnlyComments: boolean;
  source: string;
  presets: string[];
}

export interface StageFigures { verdicts: number; rejects: number; rejectionRate: number | null; meanTimeInStageMs: number | null }

export interface WorkerFigures {
  workerId: string;
  worker: string;
  itemsSubmitted: number;
  itemsDone: number;
  throughputPerHour: number | null;
  issuesPer100Objects: number | null;
  stages: Record<string, StageFigures>;
  goldSeen: number;
  goldCorrect: number;
  goldAccuracy: number | null;
  qualityIndex: number | null;
  mqmScore: number | null;
  inspection: 'sampled' | 'full';
}

export interface QualityFigures {
  projectId: string;
  workflow: string;
  workers: WorkerFigures[];
  project: {
    itemsByState: Record<string, number>;
    pendingByStage: Record<string, number>;
    openIssuesByCategory: Record<string, number>;
    agreement: { items: number; kappa: number | null; matchedShapes: number; meanIou: number | null };
  };
}

export type InspectionMode = 'normal' | 'tightened' | 'reduced' | 'discontinued';

/** An ISO 2859-1 stage's switching state (schema IsoInspection). */
export interface IsoInspection {
  stage: string;
  aql: number;
  mode: InspectionMode;
  score: number;
  reducedAllowed: boolean;
  lotsDecided: number;
  lotsNotAccepted: number;
  rejectedOnTightened: number;
  lotsHeld: number;
}

/** One row of a stage's lot history: a drawn lot (with its plan), a held lot or a resumption. */
export interface InspectionLot {
  kind: 'lot' | 'resume' | 'held';
  lotId: string;
  mode?: Exclude<InspectionMode, 'discontinued'>;
  lotSize?: number;
  codeLetter?: string;
  sampleSize?: number;
  accept?: number;
  reject?: number;
  nonconforming?: number;
  accepted?: boolean;
  decided: boolean;
  seq?: number;
  createdAt: number;
  decidedAt?: number;
  /** An open lot: drawn items, those inspected at the stage, those waiting only for their adjudicator. */
  progress?: { drawn: number; inspected: number; awaitingAdjudication: number };
}

export interface ReviewStage {
  name: string;
  kind: string;
  sampling: 'all' | 'fraction' | 'iso2859';
  inspection?: IsoInspection;
  /** Newest first. */
  lots?: InspectionLot[];
}

export interface ReviewStages { projectId: string; stages: ReviewStage[]; resumedStage?: string; lotsReleased?: number }

const enc = (id: Id) => encodeURIComponent(String(id));

export const reviewApi = {
  queue: () => call<{ total: number; items: QueueEntry[] }>('GET', '/api/me/reviews?limit=1000'),
  review: (itemId: Id, body: { verdict: 'accept' | 'reject' | 'fix'; stage: string; comment?: string; annotations?: Annotation[]; version?: number }) =>
    call<ReviewResult>('POST', `/api/items/${enc(itemId)}/review`, body),
  issues: (itemId: Id) => call<{ issues: ReviewIssue[] }>('GET', `/api/items/${enc(itemId)}/issues`).then(r => r.issues),
  openIssue: (itemId: Id, issue: NewIssue) => call<ReviewIssue>('POST', `/api/items/${enc(itemId)}/issues`, issue),
  updateIssue: (issueId: Id, change: { state?: 'open' | 'resolved'; comment?: string; reviewerOnly?: boolean }) =>
    call<ReviewIssue>('PATCH', `/api/issues/${enc(issueId)}`, change),
  workflow: (projectId: Id) => call<WorkflowInfo>('GET', `/api/projects/${enc(projectId)}/workflow`),
  quality: (projectId: Id) => call<QualityFigures>('GET', `/api/projects/${enc(projectId)}/quality`),
  qualityCsvUrl: (projectId: Id) => `/api/projects/${enc(projectId)}/quality?format=csv`,
  stages: (projectId: Id) => call<ReviewStages>('GET', `/api/projects/${enc(projectId)}/review-stages`),
  resume: (projectId: Id, stage: string) =>
    call<ReviewStages>('POST', `/api/projects/${enc(projectId)}/review-stages/${encodeURIComponent(stage)}/resume`),
  historyCsvUrl: (projectId: Id) => `/api/projects/${enc(projectId)}/review-history?format=csv`,
};
