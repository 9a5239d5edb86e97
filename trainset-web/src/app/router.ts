// History-API routing: the server answers index.html for every non-/api path, so deep links work.

export interface Route {
  /** Path pattern with :params, e.g. /projects/:id/items. */
  pattern: string;
  render: (params: Record<string, string>, query: URLSearchParams) => Page;
}

/** A mounted page; dispose() stops its timers, observers and canvases when the route changes. */
export interface Page {
  element: HTMLElement;
  /** Runs once the element is in the document (canvases need their laid-out size). */
  mounted?: () => void;
  dispose?: () => void;
}

type Matcher = { re: RegExp; names: string[]; route: Route };

export class Router {
  private readonly matchers: Matcher[];
  private current: Page | undefined;

  constructor(routes: Route[], private readonly outlet: HTMLElement, private readonly notFound: () => Page) {
    this.matchers = routes.map(route => {
      const names: string[] = [];
      const re = new RegExp('^' + route.pattern.replace(/:(\w+)/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      }) + '/?$');
      return { re, names, route };
    });
    window.addEventListener('popstate', () => this.render());
    document.addEventListener('click', e => this.onClick(e));
  }

  navigate(url: string, replace = false): void {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.render();
  }

  /** Renders the page for the current location (also after a language change). */
  render(): void {
    this.current?.dispose?.();
    const path = location.pathname;
    const query = new URLSearchParams(location.search);
    let page: Page | undefined;
    for (const m of this.matchers) {
      const match = m.re.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      m.names.forEach((n, i) => { params[n] = decodeURIComponent(match[i + 1]!); });
      page = m.route.render(params, query);
      break;
    }
    this.current = page ?? this.notFound();
    this.outlet.replaceChildren(this.current.element);
    this.current.mounted?.();
  }

  /** In-app links are <a href> elements; plain clicks on them navigate without a reload. */
  private onClick(e: MouseEvent): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || !a.href) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    e.preventDefault();
    this.navigate(url.pathname + url.search);
  }
}
