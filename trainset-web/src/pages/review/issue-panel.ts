// The review page's issue list: previous/next, resolve/reopen, comments, hide resolved, and the
// form that opens a new issue (category, comment, reviewer-only when the workflow allows it).
import { h, select } from '../../app/dom';
import { t } from '../../i18n/i18n';
import type { PinView } from './issue-pins';
import type { ReviewIssue, WorkflowInfo } from './review-api';

export interface IssuePanelActions {
  resolve(issue: ReviewIssue, resolved: boolean): Promise<void>;
  comment(issue: ReviewIssue, text: string): Promise<void>;
  /** Pin mode on/off: the next click on the canvas (or the selected shape) places the new issue. */
  pinMode(on: boolean): void;
  changed(): void;
}

export class IssuePanel {
  readonly element: HTMLElement;
  private readonly list = h('ol', { id: 'issue-list', class: 'issue-list' });
  private readonly categoryBox: HTMLSelectElement;
  readonly newComment = h('input', { id: 'issue-comment', type: 'text', placeholder: t('review.issue.comment') });
  readonly reviewerOnly = h('input', { id: 'issue-reviewer-only', type: 'checkbox' });
  private readonly pinButton: HTMLButtonElement;
  private pinning = false;

  constructor(readonly view: PinView, workflow: WorkflowInfo, private readonly actions: IssuePanelActions) {
    this.categoryBox = select('category', workflow.issueCategories.map(c => [c, c]), workflow.issueCategories[0] ?? '', () => {});
    this.categoryBox.id = 'issue-category';
    const hide = h('input', { id: 'hide-resolved', type: 'checkbox', on: { change: () => {
      this.view.hideResolved = hide.checked;
      this.render();
      this.actions.changed();
    } } });
    this.pinButton = h('button', { type: 'button', id: 'pin-issue', on: { click: () => this.togglePin() } }, t('review.issue.pin'));
    this.element = h('aside', { class: 'issue-panel', id: 'issue-panel' },
      h('h3', {}, t('review.issues')),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', id: 'issue-prev', on: { click: () => this.step(-1) } }, t('review.issue.prev')),
        h('button', { type: 'button', id: 'issue-next', on: { click: () => this.step(1) } }, t('review.issue.next')),
        h('label', {}, hide, ' ', t('review.issue.hideResolved'))),
      this.list,
      h('div', { class: 'issue-new' },
        h('label', {}, t('review.issue.category'), ' ', this.categoryBox),
        this.newComment,
        workflow.reviewerOnlyComments ? h('label', {}, this.reviewerOnly, ' ', t('review.issue.reviewerOnly')) : null,
        this.pinButton));
    this.render();
  }

  get category(): string {
    return this.categoryBox.value;
  }

  get pinModeOn(): boolean {
    return this.pinning;
  }

  togglePin(on = !this.pinning): void {
    this.pinning = on;
    this.pinButton.classList.toggle('active', on);
    this.actions.pinMode(on);
  }

  /** Moves the current issue by `delta` among the shown ones (wrapping). */
  step(delta: number): void {
    const shown = this.shown();
    if (shown.length === 0) return;
    const at = shown.findIndex(i => i.id === this.view.current);
    const next = shown[(at < 0 ? (delta > 0 ? 0 : shown.length - 1) : (at + delta + shown.length) % shown.length)]!;
    this.view.current = next.id;
    this.render();
    this.actions.changed();
  }

  shown(): ReviewIssue[] {
    return this.view.issues.filter(i => !(this.view.hideResolved && i.state === 'resolved'));
  }

  render(): void {
    const rows = this.view.issues.map((issue, n) => {
      if (this.view.hideResolved && issue.state === 'resolved') return null;
      const reply = h('input', { type: 'text', class: 'issue-reply', placeholder: t('review.issue.reply') });
      const row = h('li', { class: `issue ${issue.state}${issue.id === this.view.current ? ' current' : ''}`, dataset: { issue: issue.id } },
        h('div', { class: 'issue-head', on: { click: () => { this.view.current = issue.id; this.render(); this.actions.changed(); } } },
          h('strong', {}, `${n + 1}. ${issue.category}`), ' ',
          h('span', { class: 'muted' }, issue.auto ? t('review.issue.auto') : issue.createdBy ?? ''), ' ',
          h('span', { class: 'issue-state' }, t(issue.state === 'open' ? 'review.issue.open' : 'review.issue.resolved'))),
        h('ul', { class: 'comments' }, ...issue.comments.map(c => h('li', { class: c.reviewerOnly ? 'reviewer-only' : '' },
          h('span', { class: 'muted' }, `${c.author ?? t('review.issue.auto')}: `), c.text))),
        h('div', { class: 'issue-actions' },
          h('button', { type: 'button', class: 'issue-toggle', on: { click: () => void this.actions.resolve(issue, issue.state === 'open') } },
            t(issue.state === 'open' ? 'review.issue.resolve' : 'review.issue.reopen')),
          reply,
          h('button', { type: 'button', on: { click: () => { if (reply.value.trim()) void this.actions.comment(issue, reply.value.trim()); } } },
            t('review.issue.send'))));
      return row;
    });
    this.list.replaceChildren(...rows.filter((r): r is HTMLLIElement => r !== null));
    if (this.view.issues.length === 0) this.list.replaceChildren(h('li', { class: 'muted' }, t('review.issue.none')));
  }
}
