// How editor parts other than the canvas tools plug into the editor page: a panel gets the edit
// session and what the page knows of the item, and returns its element. The page (pages/editor/)
// mounts the panels that apply to the item; panels edit only through the session.
import type { ServerItem } from '../app/api';
import type { DatasetSchema } from '../app/model';
import { dicomPanel } from './panels/dicom-panel';
import { documentsPanel } from './panels/documents-panel';
import { jobPanel } from './panels/job-panel';
import { captionsPanel, textPairsPanel } from './panels/text-pairs-panel';
import { transcriptionPanel } from './panels/transcription-panel';
import { videoPanel } from './panels/video-panel';
import type { EditSession } from './session';

/** The DICOM picture the page shows, for the window/level panel to drive. */
export interface DicomView {
  /** Modality value range and the file's own window. */
  min: number;
  max: number;
  fileWindow: [center: number, width: number];
  window(): [center: number, width: number];
  /** Re-renders the picture with the linear window (dicom.ts applyWindow). */
  setWindow(center: number, width: number): void;
}

export interface EditorContext {
  item: ServerItem;
  schema: DatasetSchema | undefined;
  family: string | undefined;
  /** The media element on screen (a video, when the item's media is a video). */
  video?: HTMLVideoElement;
  /** The DICOM picture on screen once decoded, when the item's media is DICOM (see dicomViewOf). */
  dicom?: Promise<DicomView>;
  /** Selects an annotation on the canvas and in every panel (null clears). */
  select(index: number | null): void;
  readOnly: boolean;
}

export interface EditorPanel {
  element: HTMLElement;
  /** The selection changed elsewhere (canvas or another panel). */
  selected?(index: number | null): void;
  dispose?(): void;
}

export interface PanelFactory {
  /** Stable id (tests find the panel as #panel-<id>). */
  id: string;
  /** Wide panels (the video timeline) go under the media rather than into the side column. */
  wide?: boolean;
  /** Whether this panel applies to the item (e.g. text pairs for the corpus family). */
  appliesTo(ctx: EditorContext): boolean;
  create(session: EditSession, ctx: EditorContext): EditorPanel;
}

/** The panels the editor page offers, in order. Add a factory here to add a panel. */
export const PANELS: PanelFactory[] = [
  // === area: jobs (text, timeline and DICOM panels): begin ===
  jobPanel,
  transcriptionPanel,
  captionsPanel,
  textPairsPanel,
  videoPanel,
  dicomPanel,
  // === area: jobs: end ===
  // === area: documents: begin ===
  documentsPanel,
  // === area: documents: end ===
];
