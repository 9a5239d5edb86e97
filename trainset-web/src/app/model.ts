// The data model as JSON, as written by trainset-core's org.trainset.core.json.ModelJson
// (the server sends items in exactly this form).

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type Attributes = Record<string, JsonValue>;

export type MediaKind = 'image' | 'video' | 'dicom' | 'text' | 'other';

export interface MediaRef {
  kind: MediaKind;
  path: string;
  width?: number;
  height?: number;
  info?: Attributes;
}

interface Meta {
  id?: string;
  label: string;
  attributes?: Attributes;
  group?: number;
  z?: number;
  occluded?: boolean;
  source?: string;
}

export interface TagAnn extends Meta { type: 'tag' }
/** Rotation: degrees clockwise about the box centre (CVAT's convention). */
export interface BoxAnn extends Meta { type: 'box'; x: number; y: number; w: number; h: number; rotation?: number }
export interface PolygonAnn extends Meta { type: 'polygon'; points: number[] }
export interface PolylineAnn extends Meta { type: 'polyline'; points: number[] }
/** visibility per point: 0 not labelled, 1 labelled but occluded, 2 visible (COCO). */
export interface PointsAnn extends Meta { type: 'points'; points: number[]; visibility: number[] }
/** Row-major run lengths over (left, top, width, height), starting with a run of zeros. */
export interface MaskAnn extends Meta { type: 'mask'; left: number; top: number; width: number; height: number; runs: number[] }
export interface CaptionAnn extends Meta { type: 'caption'; text: string }
export interface TextPairAnn extends Meta {
  type: 'text_pair'; sourceText: string; targetText: string; sourceLanguage?: string; targetLanguage?: string;
}
/** Seconds of the item's media. */
export interface TimeEventAnn extends Meta { type: 'time_event'; start: number; end: number }
export interface TrackFrame { frame: number; outside: boolean; keyframe: boolean; shape: Annotation }
export interface TrackAnn extends Meta { type: 'track'; frames: TrackFrame[] }

export type Annotation = TagAnn | BoxAnn | PolygonAnn | PolylineAnn | PointsAnn | MaskAnn | CaptionAnn
  | TextPairAnn | TimeEventAnn | TrackAnn;
export type AnnotationType = Annotation['type'];
export const ANNOTATION_TYPES: readonly AnnotationType[] =
  ['tag', 'box', 'polygon', 'polyline', 'points', 'mask', 'caption', 'text_pair', 'time_event', 'track'];

/** Shapes drawn over the media (the rest are listed beside it). */
export type SpatialAnnotation = BoxAnn | PolygonAnn | PolylineAnn | PointsAnn | MaskAnn;
export function isSpatial(a: Annotation): a is SpatialAnnotation {
  return a.type === 'box' || a.type === 'polygon' || a.type === 'polyline' || a.type === 'points' || a.type === 'mask';
}

export interface Item {
  id: string;
  subset?: string;
  media: MediaRef[];
  attributes?: Attributes;
  annotations: Annotation[];
}

/** A declared attribute of a label and its domain (trainset-core's AttributeSpec). */
export interface AttributeSpec {
  name: string;
  /** select, radio, checkbox, number or text (CVAT's input types); anything else is edited as text. */
  inputType?: string;
  /** Allowed values; for number: min, max, step. Empty when free. */
  values?: string[];
  default?: string;
  /** May change between video frames. */
  mutable?: boolean;
  /** Filled by the server from the media (image.width, exif.Model, ...): read-only in the editor. */
  auto?: string;
}

export interface LabelDef {
  name: string;
  id?: number;
  parent?: string;
  color?: string;
  type?: string;
  attributes?: AttributeSpec[];
  keypoints?: string[];
  /** 1-based keypoint index pairs (COCO's convention). */
  skeleton?: number[][];
}

export interface DatasetSchema {
  name?: string;
  subsets?: string[];
  labels: LabelDef[];
}
