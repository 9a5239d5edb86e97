// The ISO 2859-1 lot inspection of a project's review stages (GET …/review-stages): per stage
// that samples by AQL, its inspection mode as a coloured badge, the plan of its last lot (lot size,
// Table 1 code letter, n, Ac, Re), the switching counters and its recent lots; when inspection is
// discontinued, managers and admins may resume it (POST …/resume) after a confirmation.
import { ApiError, type Id } from '../../app/api';
import { append, clear, h } from '../../app/dom';
import { currentUser, errorBox } from '../../app/layout';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { reviewApi, type InspectionLot, type ReviewStage, type ReviewStages } from './review-api';

/** The roles the resume route allows (openapi.yaml: x-roles of POST …/review-stages/{stage}/resume). */
const RESUME_ROLES = new Set(['admin', 'manager']);
/** How many lots a stage lists (the API gives up to 100). */
const RECENT_LOTS = 10;

declare global {
  /** What tests can read: `window.trainset.inspection`, the stages last shown. */
  interface TrainsetHandles { inspection?: ReviewStages }
}

export async function inspectionPanel(projectId: Id): Promise<HTMLElement> {
  const [stages, user] = await Promise.all([reviewApi.stages(projectId), currentUser()]);
  const canResume = !!user && RESUME_ROLES.has(user.role);
  const section = h('section', { id: 'inspection', class: 'inspection' });
  const status = h('p', { id: 'inspection-status', role: 'status' });
  const show = (s: ReviewStages) => {
    window.trainset = { ...window.trainset, inspection: s };
    const iso = s.stages.filter(st => st.inspection);
    const others = s.stages.filter(st => !st.inspection);
    clear(section);
    append(section, h('h3', {}, t('review.iso.title')),
      h('p', { class: 'muted' }, t('review.iso.intro')),
      ...iso.map(st => stageCard(st, canResume, resume)),
      others.length ? h('p', { class: 'muted', id: 'inspection-others' },
        others.map(st => t('review.iso.otherStage', { stage: st.name, sampling: samplingName(st) })).join(' · ')) : null,
      status);
  };
  const resume = async (stage: ReviewStage) => {
    if (!await confirmResume(stage, section)) return;
    try {
      const after = await reviewApi.resume(projectId, stage.name);
      show(after);
      status.className = 'muted';
      status.textContent = t('review.iso.resumed', { stage: stage.name, released: after.lotsReleased ?? 0 });
    } catch (e) {
      // 409: someone resumed it meanwhile; the server's detail says so
      status.replaceChildren(errorBox(e instanceof ApiError && e.detail ? new Error(e.detail) : e));
    }
  };
  show(stages);
  return section;
}

function samplingName(stage: ReviewStage): string {
  return stage.sampling === 'fraction' ? t('review.iso.sampling.fraction') : t('review.iso.sampling.all');
}

function modeName(mode: string): string {
  return t(`review.iso.mode.${mode}` as MessageKey);
}

function stageCard(stage: ReviewStage, canResume: boolean, resume: (s: ReviewStage) => Promise<void>): HTMLElement {
  const st = stage.inspection!;
  const lots = stage.lots ?? [];
  const last = lots.find(l => l.kind === 'lot');
  const accepted = st.lotsDecided - st.lotsNotAccepted;
  const counter = (key: MessageKey, value: string | number, id: string) =>
    h('div', { class: 'iso-counter', dataset: { counter: id } }, h('dt', {}, t(key)), h('dd', {}, String(value)));
  const discontinued = st.mode === 'discontinued';
  return h('div', { class: 'iso-stage', dataset: { stage: stage.name, mode: st.mode } },
    h('div', { class: 'iso-head' },
      h('strong', {}, t('review.iso.stage', { stage: stage.name, aql: st.aql })), ' ',
      h('span', { class: `iso-mode iso-${st.mode}`, dataset: { mode: st.mode } }, modeName(st.mode))),
    h('p', { class: 'iso-plan' }, last
      ? t('review.iso.plan', { lotSize: last.lotSize ?? 0, letter: last.codeLetter ?? '?', n: last.sampleSize ?? 0,
        ac: last.accept ?? 0, re: last.reject ?? 0, mode: modeName(last.mode ?? 'normal') })
      : t('review.iso.noLots')),
    h('dl', { class: 'iso-counters' },
      counter('review.iso.score', st.score, 'score'),
      counter('review.iso.decided', st.lotsDecided, 'decided'),
      counter('review.iso.accepted', accepted, 'accepted'),
      counter('review.iso.notAccepted', st.lotsNotAccepted, 'notAccepted'),
      counter('review.iso.onTightened', `${st.rejectedOnTightened} / 5`, 'onTightened'),
      counter('review.iso.held', st.lotsHeld, 'held'),
      counter('review.iso.reducedAllowed', t(st.reducedAllowed ? 'review.iso.yes' : 'review.iso.no'), 'reducedAllowed')),
    discontinued ? h('p', { class: 'iso-stopped' }, t('review.iso.stopped')) : null,
    discontinued && canResume ? h('button', { type: 'button', class: 'iso-resume',
      on: { click: () => void resume(stage) } }, t('review.iso.resume')) : null,
    lots.length ? lotTable(lots.slice(0, RECENT_LOTS)) : null);
}

function lotTable(lots: InspectionLot[]): HTMLElement {
  const cols: MessageKey[] = ['review.iso.col.lot', 'review.iso.col.mode', 'review.iso.col.lotSize', 'review.iso.col.letter',
    'review.iso.col.n', 'review.iso.col.acRe', 'review.iso.col.d', 'review.iso.col.decision', 'review.iso.col.at'];
  const num = (v: number | undefined) => h('td', { class: 'num' }, v === undefined ? '' : String(v));
  return h('div', {}, h('h4', {}, t('review.iso.recent')),
    h('table', { class: 'table iso-lots' },
      h('thead', {}, h('tr', {}, ...cols.map(c => h('th', {}, t(c))))),
      h('tbody', {}, ...lots.map(l => {
        const decision = decisionOf(l);
        return h('tr', { dataset: { lot: l.lotId, decision } },
          h('td', {}, l.lotId), h('td', {}, l.mode ? modeName(l.mode) : ''), num(l.lotSize), h('td', {}, l.codeLetter ?? ''),
          num(l.sampleSize), h('td', { class: 'num' }, l.accept === undefined ? '' : `${l.accept} / ${l.reject}`),
          num(l.nonconforming), h('td', { class: `iso-decision ${decision}` }, decisionText(l, decision)),
          h('td', {}, new Date(l.decidedAt ?? l.createdAt).toLocaleString()));
      }))));
}

type LotDecision = 'accepted' | 'notAccepted' | 'pending' | 'adjudication' | 'held' | 'resume';

/** An open lot whose only missing inspections are disputed dual readings waits for its adjudicator. */
function decisionOf(l: InspectionLot): LotDecision {
  if (l.kind !== 'lot') return l.kind;
  if (!l.decided) {
    const p = l.progress;
    return p && p.awaitingAdjudication > 0 && p.inspected + p.awaitingAdjudication === p.drawn ? 'adjudication' : 'pending';
  }
  return l.accepted ? 'accepted' : 'notAccepted';
}

function decisionText(l: InspectionLot, decision: LotDecision): string {
  const p = l.progress;
  if (decision === 'adjudication' && p) return t('review.iso.lot.adjudication', { count: p.awaitingAdjudication });
  if (decision === 'pending' && p) return t('review.iso.lot.pendingOf', { inspected: p.inspected, drawn: p.drawn });
  return t(`review.iso.lot.${decision}` as MessageKey);
}

/** A modal asking the manager to confirm; resolves true on "Resume". */
function confirmResume(stage: ReviewStage, host: HTMLElement): Promise<boolean> {
  return new Promise(resolve => {
    const dialog = h('dialog', { id: 'resume-dialog', class: 'confirm-dialog' });
    const close = (ok: boolean) => { dialog.close(); dialog.remove(); resolve(ok); };
    const confirm = h('button', { type: 'button', id: 'resume-confirm', on: { click: () => close(true) } }, t('review.iso.resume.confirm'));
    const cancel = h('button', { type: 'button', id: 'resume-cancel', on: { click: () => close(false) } }, t('review.iso.resume.cancel'));
    dialog.addEventListener('cancel', e => { e.preventDefault(); close(false); });
    dialog.append(h('h2', {}, t('review.iso.resume.title', { stage: stage.name })),
      h('p', {}, t('review.iso.resume.text', { held: stage.inspection?.lotsHeld ?? 0 })),
      h('div', { class: 'row' }, confirm, cancel));
    host.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
