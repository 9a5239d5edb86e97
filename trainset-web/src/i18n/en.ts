// English UI text. Every string the app shows comes from this table (or its Korean twin, which
// must have exactly the same keys: ko.ts is typed against this one). {name} marks a parameter.
export const en = {
  'app.title': 'trainset',
  'app.language': 'Language',
  'app.logout': 'Log out',
  'app.loading': 'Loading…',
  'app.error': 'Error: {message}',
  'app.notFound': 'Page not found.',
  'app.signedInAs': 'Signed in as {user}',

  'login.title': 'Sign in',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Sign-in failed: {message}',

  'projects.title': 'Projects',
  'projects.empty': 'No projects yet.',
  'projects.name': 'Name',
  'projects.family': 'Family',
  'projects.items': 'Items',
  'projects.created': 'Created',

  'project.tab.overview': 'Overview',
  'project.tab.items': 'Items',
  'project.tab.findings': 'Findings',
  'project.summary': '{items} items · {annotations} annotations',
  'project.chart.labels': 'Annotations by label',
  'project.chart.types': 'Annotations by type',
  'project.chart.subsets': 'Items by subset',
  'project.chart.count': 'Count',
  'project.noSubset': '(none)',

  'browser.filter.label': 'Label',
  'browser.filter.subset': 'Subset',
  'browser.filter.finding': 'Finding',
  'browser.filter.search': 'Search',
  'browser.filter.any': 'Any',
  'browser.total': '{total} items',
  'browser.empty': 'No items match.',
  'browser.noMedia': 'no image',

  'viewer.back': 'Back to items',
  'viewer.zoomIn': 'Zoom in',
  'viewer.zoomOut': 'Zoom out',
  'viewer.fit': 'Fit',
  'viewer.annotations': 'Annotations',
  'viewer.attributes': 'Attributes',
  'viewer.captions': 'Captions and transcriptions',
  'viewer.textPairs': 'Text pairs',
  'viewer.source': 'Source',
  'viewer.target': 'Target',
  'viewer.timeline': 'Events',
  'viewer.frame': 'Frame {frame}',
  'viewer.window': 'Window',
  'viewer.level': 'Level',
  'viewer.mediaFailed': 'This media cannot be shown: {reason}',
  'viewer.media': 'Media {index} of {count}',
  'viewer.item': 'Item {id}',
  'viewer.version': 'version {version}',
  'viewer.noAnnotations': 'No annotations.',
  'viewer.selected': 'Selected: {label}',
  'viewer.tags': 'Tags',

  'type.tag': 'tag',
  'type.box': 'box',
  'type.polygon': 'polygon',
  'type.polyline': 'polyline',
  'type.points': 'points',
  'type.mask': 'mask',
  'type.caption': 'caption',
  'type.text_pair': 'text pair',
  'type.time_event': 'event',
  'type.track': 'track',

  'findings.title': 'Findings',
  'findings.empty': 'No findings: the rule pack passes.',
  'findings.rule': 'Rule',
  'findings.severity': 'Severity',
  'findings.item': 'Item',
  'findings.message': 'Message',
  'findings.count': '{count} findings',
  'findings.showItems': 'Show these items',

  // === area: editor: begin ===
  // === area: editor: end ===
  // === area: jobs: begin ===
  // === area: jobs: end ===
  // === area: review: begin ===
  // === area: review: end ===
  // === area: catalog: begin ===
  // === area: catalog: end ===
  // === area: access: begin ===
  // === area: access: end ===
  // === area: sandbox: begin ===
  // === area: sandbox: end ===
};

export type MessageKey = keyof typeof en;
