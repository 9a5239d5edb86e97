// The project's review workflow as YAML, editable by managers: a preset to start from, the text,
// and Save. The server checks it and names the line and field of the first problem.
import { ApiError, call, type Id } from '../../app/api';
import { h, select } from '../../app/dom';
import { t } from '../../i18n/i18n';
import { reviewApi, type WorkflowInfo } from './review-api';

export async function workflowEditor(projectId: Id): Promise<HTMLElement> {
  const wf = await reviewApi.workflow(projectId);
  const text = h('textarea', { id: 'workflow-yaml', class: 'workflow-yaml' });
  text.value = wf.yaml;
  text.rows = 14;
  const message = h('p', { id: 'workflow-message', role: 'status' });
  const save = async (body: { yaml: string } | { preset: string }) => {
    try {
      const saved = await call<WorkflowInfo>('PUT', `/api/projects/${encodeURIComponent(String(projectId))}/workflow`, body);
      text.value = saved.yaml;
      message.className = 'muted';
      message.textContent = t('review.wf.saved', { stages: saved.stages.map(s => s.name).join(' → ') });
    } catch (e) {
      message.className = 'error';
      message.textContent = e instanceof ApiError && e.detail ? e.detail : String(e);
    }
  };
  const presets = select('preset', [['', t('review.wf.preset')], ...wf.presets.map(p => [p, p] as [string, string])], '',
    v => { if (v) void save({ preset: v }); });
  presets.id = 'workflow-preset';
  return h('section', { class: 'workflow-editor' },
    h('h3', {}, t('review.wf.title', { source: wf.source })),
    h('p', { class: 'muted' }, wf.stages.map(s => `${s.name} (${s.sampling})`).join(' → ')),
    presets, text,
    h('button', { type: 'button', id: 'workflow-save', on: { click: () => void save({ yaml: text.value }) } }, t('review.wf.save')),
    message);
}
