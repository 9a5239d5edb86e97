// Submitting a sandbox job on a dataset: pick a built-in recipe (with its predictions file when
// it needs one) or upload a script (Python file, zip of files, or jar) with its entry file. The
// dataset's files never reach the browser; the job runs next to them and only checked outputs leave.
import { h, select } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { sandboxApi } from './sandbox-api';

const NEEDS_FILE = new Set(['eval-classify', 'eval-detect', 'agreement']);

export function sandboxSubmitPage(dataset: string, navigate: (url: string) => void): Page {
  const status = h('div', { id: 'sandbox-status', role: 'status' });
  const body = loading(async el => {
    const s = await sandboxApi.status();
    const version = h('input', { id: 'sandbox-version', name: 'version', value: '1.0.0' });
    let kind = s.scripts ? 'script' : 'recipe';
    let recipe = s.recipes[0] ?? 'stats';
    let runtime = s.runtimes[0] ?? 'python';
    const recipeSelect = select('recipe', s.recipes.map(r => [r, r]), recipe, v => { recipe = v; show(); });
    recipeSelect.id = 'sandbox-recipe';
    const runtimeSelect = select('runtime', s.runtimes.map(r => [r, r]), runtime, v => { runtime = v; });
    runtimeSelect.id = 'sandbox-runtime';
    const entry = h('input', { id: 'sandbox-entry', name: 'entry', placeholder: 'train.py' });
    const file = h('input', { id: 'sandbox-file', type: 'file', name: 'file' });
    const attribute = h('input', { id: 'sandbox-attribute', name: 'attribute', placeholder: 'gender' });
    const positive = h('input', { id: 'sandbox-positive', name: 'positive', placeholder: 'female' });
    const truth = h('input', { id: 'sandbox-truth', name: 'truth', placeholder: 'data/coco/annotations/instances_default.json' });
    const kindSelect = select('kind', [['script', t('sandbox.kind.script')], ['recipe', t('sandbox.kind.recipe')]], kind,
      v => { kind = v; show(); });
    kindSelect.id = 'sandbox-kind';
    const scriptRows = h('div', { class: 'sandbox-script' },
      h('label', {}, t('sandbox.runtime'), ' ', runtimeSelect), h('label', {}, t('sandbox.entry'), ' ', entry));
    const recipeRows = h('div', { class: 'sandbox-recipe' },
      h('label', {}, t('sandbox.recipe'), ' ', recipeSelect),
      h('label', {}, t('sandbox.attribute'), ' ', attribute), h('label', {}, t('sandbox.positive'), ' ', positive),
      h('label', {}, t('sandbox.truth'), ' ', truth));
    const fileLabel = h('label', {}, '', ' ', file);
    function show(): void {
      scriptRows.hidden = kind !== 'script';
      recipeRows.hidden = kind !== 'recipe';
      fileLabel.hidden = kind === 'recipe' && !NEEDS_FILE.has(recipe);
      fileLabel.firstChild!.textContent = kind === 'script' ? t('sandbox.scriptFile') : t('sandbox.predictionsFile');
    }
    const submit = h('button', { id: 'sandbox-submit', type: 'submit' }, t('sandbox.submit'));
    const form = h('form', { id: 'sandbox-form', class: 'sandbox-form', on: { submit: e => {
      e.preventDefault();
      submit.disabled = true;
      void send().catch((err: unknown) => status.replaceChildren(errorBox(err))).finally(() => { submit.disabled = false; });
    } } }, h('label', {}, t('sandbox.version'), ' ', version), h('label', {}, t('sandbox.kind'), ' ', kindSelect),
      scriptRows, recipeRows, fileLabel, submit);
    async function send(): Promise<void> {
      const spec: Record<string, unknown> = { version: version.value };
      const f = file.files?.[0];
      let job;
      if (kind === 'script') {
        if (!f) throw new Error(t('sandbox.needFile'));
        spec.runtime = runtime;
        if (entry.value) spec.entry = entry.value;
        job = await sandboxApi.upload(dataset, spec, 'file', f);
      } else {
        spec.recipe = recipe;
        if (attribute.value) spec.attribute = attribute.value;
        if (positive.value) spec.positive = positive.value;
        if (truth.value) spec.truth = truth.value;
        job = NEEDS_FILE.has(recipe) && f ? await sandboxApi.upload(dataset, spec, 'predictions', f) : await sandboxApi.recipe(dataset, spec);
      }
      navigate(`/sandbox/jobs/${encodeURIComponent(job.id)}`);
    }
    show();
    el.replaceChildren(h('h1', {}, t('sandbox.title', { dataset })),
      h('p', { class: 'muted' }, t('sandbox.explain')),
      s.scripts ? '' : h('p', { id: 'sandbox-no-scripts', class: 'warning' }, t('sandbox.noScripts', { reason: s.reason })),
      form, status);
  });
  return { element: frame(body) };
}
