import type { MessageKey } from './en';

// Korean UI text; typed against the English table so that a missing or extra key fails the build.
export const ko: Record<MessageKey, string> = {
  'app.title': 'trainset',
  'app.language': '언어',
  'app.logout': '로그아웃',
  'app.loading': '불러오는 중…',
  'app.error': '오류: {message}',
  'app.notFound': '페이지를 찾을 수 없습니다.',
  'app.signedInAs': '{user}(으)로 로그인됨',

  'login.title': '로그인',
  'login.username': '사용자 이름',
  'login.password': '비밀번호',
  'login.submit': '로그인',
  'login.failed': '로그인 실패: {message}',

  'projects.title': '프로젝트',
  'projects.empty': '아직 프로젝트가 없습니다.',
  'projects.name': '이름',
  'projects.family': '데이터 유형',
  'projects.items': '항목 수',
  'projects.created': '생성일',

  'project.tab.overview': '개요',
  'project.tab.items': '항목',
  'project.tab.findings': '검사 결과',
  'project.summary': '항목 {items}개 · 어노테이션 {annotations}개',
  'project.chart.labels': '라벨별 어노테이션',
  'project.chart.types': '유형별 어노테이션',
  'project.chart.subsets': '부분집합별 항목',
  'project.chart.count': '개수',
  'project.noSubset': '(없음)',

  'browser.filter.label': '라벨',
  'browser.filter.subset': '부분집합',
  'browser.filter.finding': '검사 결과',
  'browser.filter.search': '검색',
  'browser.filter.any': '전체',
  'browser.total': '항목 {total}개',
  'browser.empty': '조건에 맞는 항목이 없습니다.',
  'browser.noMedia': '이미지 없음',

  'viewer.back': '항목 목록으로',
  'viewer.zoomIn': '확대',
  'viewer.zoomOut': '축소',
  'viewer.fit': '화면에 맞춤',
  'viewer.annotations': '어노테이션',
  'viewer.attributes': '속성',
  'viewer.captions': '캡션 및 전사',
  'viewer.textPairs': '텍스트 쌍',
  'viewer.source': '원문',
  'viewer.target': '번역문',
  'viewer.timeline': '이벤트',
  'viewer.frame': '{frame}번 프레임',
  'viewer.window': '윈도 폭',
  'viewer.level': '윈도 중심',
  'viewer.mediaFailed': '이 미디어를 표시할 수 없습니다: {reason}',
  'viewer.media': '미디어 {index}/{count}',
  'viewer.item': '항목 {id}',
  'viewer.version': '버전 {version}',
  'viewer.noAnnotations': '어노테이션이 없습니다.',
  'viewer.selected': '선택됨: {label}',
  'viewer.tags': '태그',

  'type.tag': '태그',
  'type.box': '박스',
  'type.polygon': '폴리곤',
  'type.polyline': '폴리라인',
  'type.points': '키포인트',
  'type.mask': '마스크',
  'type.caption': '캡션',
  'type.text_pair': '텍스트 쌍',
  'type.time_event': '이벤트',
  'type.track': '트랙',

  'findings.title': '검사 결과',
  'findings.empty': '검사 결과가 없습니다: 규칙 팩을 통과했습니다.',
  'findings.rule': '규칙',
  'findings.severity': '심각도',
  'findings.item': '항목',
  'findings.message': '내용',
  'findings.count': '검사 결과 {count}건',
  'findings.showItems': '해당 항목 보기',

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
