import { onUnauthorised } from './app/api';
import { h } from './app/dom';
import { frame } from './app/layout';
import { Router } from './app/router';
import { language, onLanguageChange, t } from './i18n/i18n';
import { browserPage } from './pages/browser/browser-page';
import { editorPage } from './pages/editor/editor-page';
import { catalogApi, datasetUrl, sampleUrl } from './pages/catalog/catalog-api';
import { catalogPage } from './pages/catalog/catalog-page';
import { datasetPage } from './pages/catalog/dataset-page';
import { releasesPage } from './pages/catalog/releases-page';
import { findingsPage } from './pages/findings/findings-page';
import { myJobsPage } from './pages/jobs/my-jobs-page';
import { projectJobsPage } from './pages/jobs/project-jobs-page';
import { dedupPage } from './pages/dedup/dedup-page';
import { loginPage } from './pages/login/login-page';
import { projectPage } from './pages/project/project-page';
import { projectsPage } from './pages/projects/projects-page';
import { viewerPage } from './pages/viewer/viewer-page';
import { qualityPage } from './pages/review/quality-page';
import { reviewItemPage } from './pages/review/review-item-page';
import { reviewQueuePage } from './pages/review/review-queue-page';
import { accessRequestPage } from './pages/access/request-page';
import { myRequestsPage } from './pages/access/my-requests-page';
import { accessQueuePage } from './pages/access/review-queue-page';
import { sandboxJobPage } from './pages/sandbox/job-page';
import { sandboxQueuePage } from './pages/sandbox/queue-page';
import { sandboxSubmitPage } from './pages/sandbox/submit-page';
import './styles.css';

const outlet = document.getElementById('app')!;
document.documentElement.lang = language();
const navigate = (url: string) => router.navigate(url);
const router: Router = new Router([
  { pattern: '/', render: () => { queueMicrotask(() => router.navigate('/projects', true)); return { element: h('div') }; } },
  { pattern: '/login', render: (_, q) => loginPage(q, navigate) },
  { pattern: '/projects', render: () => projectsPage() },
  { pattern: '/projects/:id', render: p => projectPage(p.id!, language()) },
  { pattern: '/projects/:id/items', render: (p, q) => browserPage(p.id!, q, navigate) },
  { pattern: '/projects/:id/findings', render: p => findingsPage(p.id!) },
  { pattern: '/items/:id', render: (p, q) => viewerPage(p.id!, q, navigate) },
  // === area: editor: begin ===
  { pattern: '/items/:id/edit', render: p => editorPage(p.id!) },
  // === area: editor: end ===
  // === area: jobs: begin ===
  { pattern: '/jobs', render: () => myJobsPage(navigate) },
  { pattern: '/projects/:id/jobs', render: p => projectJobsPage(p.id!) },
  // === area: jobs: end ===
  // === area: dedup: begin ===
  { pattern: '/jobs/:id/dedup', render: p => dedupPage(p.id!) },
  // === area: dedup: end ===
  // === area: review: begin ===
  { pattern: '/review', render: () => reviewQueuePage() },
  { pattern: '/review/items/:id', render: p => reviewItemPage(p.id!, navigate) },
  { pattern: '/projects/:id/quality', render: p => qualityPage(p.id!) },
  // === area: review: end ===
  // === area: catalog: begin ===
  { pattern: '/datasets', render: (_, q) => catalogPage(q, navigate) },
  { pattern: '/projects/:id/releases', render: p => releasesPage(p.id!, navigate) },
  { pattern: '/datasets/:name', render: p => datasetPage(p.name!, language()) },
  { pattern: '/datasets/:name/versions/:v/sample/:item', render: (p, q) => viewerPage(p.item!, q, navigate, {
    load: () => catalogApi.sampleItem(p.name!, p.v!, p.item!),
    back: { href: datasetUrl(p.name!), text: t('catalog.backToDataset') },
    pageUrl: media => `${sampleUrl(p.name!, p.v!, p.item!)}?media=${media}`,
  }) },
  // === area: catalog: end ===
  // === area: access: begin ===
  { pattern: '/datasets/:name/request-access', render: p => accessRequestPage(p.name!, navigate) },
  { pattern: '/access/requests', render: () => myRequestsPage() },
  { pattern: '/access/review', render: () => accessQueuePage() },
  // === area: access: end ===
  // === area: sandbox: begin ===
  { pattern: '/datasets/:name/sandbox', render: p => sandboxSubmitPage(p.name!, navigate) },
  { pattern: '/sandbox/jobs/:id', render: p => sandboxJobPage(p.id!) },
  { pattern: '/sandbox/queue', render: () => sandboxQueuePage() },
  // === area: sandbox: end ===
], outlet, () => ({ element: frame(h('p', { id: 'not-found' }, t('app.notFound'))) }));

onUnauthorised(() => {
  if (location.pathname === '/login') return;
  router.navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, true);
});
// Every string comes from the message tables, so a language change is a re-render.
onLanguageChange(() => router.render());
router.render();
