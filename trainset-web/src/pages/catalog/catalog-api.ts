// The public catalog API (openapi.yaml, area publish): search, dataset cards, the public sample,
// and error reports (signed-in users).
import { call, type ServerItem } from '../../app/api';

export interface DatasetSummary {
  name: string;
  title: string;
  description: string;
  family: string;
  licence: string;
  accessMode: string;
  latestVersion: string;
  tasks: string[];
  items: number;
  annotations: number;
  organisation?: string | null;
}

export interface QualityTarget {
  metric: string;
  goal: number;
  compare: string;
  source: string;
  description: string;
  achieved: number | null;
  met: boolean | null;
}

export interface DatasetCard extends DatasetSummary {
  citation: string;
  card: {
    construction?: { stage: string; text: string }[];
    statistics?: { items?: number; annotations?: number; byLabel?: Record<string, number>; bySubset?: Record<string, number>; byType?: Record<string, number> };
    sample?: { items?: number; maxLabelShareDeviation?: number };
    quality?: { targets?: QualityTarget[] };
  };
  versions: { version: string; createdAt: number; items: number; annotations: number; bytes: number; manifestSha256: string }[];
}

export interface CatalogQuery { q?: string; family?: string; task?: string; licence?: string; access?: string }
export const FACETS = ['family', 'task', 'licence', 'access'] as const;

export interface SampleEntry { name: string; subset?: string | null; labels: string[]; annotationCount: number; media: number }

const enc = (s: string) => encodeURIComponent(s);

export const catalogApi = {
  search(q: CatalogQuery): Promise<{ datasets: DatasetSummary[]; facets: Record<string, string[]> }> {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
    return call('GET', `/api/catalog${p.toString() ? `?${p}` : ''}`);
  },
  dataset: (name: string) => call<DatasetCard>('GET', `/api/datasets/${enc(name)}`),
  sample: (name: string, version: string) =>
    call<{ items: SampleEntry[] }>('GET', `/api/datasets/${enc(name)}/versions/${enc(version)}/sample`).then(r => r.items),
  /** A sample item in the viewer's shape (a release has no project: projectId is the dataset). */
  async sampleItem(name: string, version: string, item: string): Promise<ServerItem> {
    const r = await call<Omit<ServerItem, 'projectId' | 'version'> & { dataset: string }>('GET',
      `/api/datasets/${enc(name)}/versions/${enc(version)}/sample/item?name=${enc(item)}`);
    return { ...r, projectId: r.dataset, version: 0 };
  },
  report: (name: string, body: { item: string; version?: string; shapeIndex?: number; text: string }) =>
    call<{ id: string }>('POST', `/api/datasets/${enc(name)}/reports`, body),
};

export const datasetUrl = (name: string) => `/datasets/${enc(name)}`;
export const sampleUrl = (name: string, version: string, item: string) =>
  `/datasets/${enc(name)}/versions/${enc(version)}/sample/${enc(item)}`;
