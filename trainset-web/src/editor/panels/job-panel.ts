// The job strip in the editor when an item is opened from a job (`/items/{id}/edit?job={jobId}`):
// the job's name and progress and "next item". Leaving the page saves the item (the editor flushes
// its autosave when it is disposed), and the server counts an item saved by the job's assignee as
// done, so the job's next item is the one after it.
import { jobBar } from '../../pages/jobs/job-bar';
import type { PanelFactory } from '../panel';

function jobOf(): string | null {
  return new URLSearchParams(location.search).get('job');
}

/** In-app navigation the way the router's links do it (History API, no reload). */
function navigate(url: string): void {
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

export const jobPanel: PanelFactory = {
  id: 'job',
  appliesTo: () => jobOf() !== null,
  create: (_session, ctx) => ({ element: jobBar(jobOf()!, ctx.item.id, navigate) }),
};
