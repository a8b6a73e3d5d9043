import { describe, expect, it } from 'vitest';
import { normalizeBasePath, type Route, routePath, routeUrl } from '../../../src/lib/site/permalinks.ts';

describe.each([
  ['', '/'],
  ['/', '/'],
  ['legal', '/legal/'],
  ['/legal', '/legal/'],
  ['/legal/', '/legal/'],
  ['/a/b/', '/a/b/'],
])('normalizeBasePath(%j)', (input, expected) => {
  it(`is ${expected}`, () => expect(normalizeBasePath(input)).toBe(expected));
});

// These URLs are permanent: people cite them. A change here must be a deliberate, documented decision.
describe.each<[Route, string]>([
  [{ kind: 'home' }, '/legal/'],
  [{ kind: 'document', document: 'privacy' }, '/legal/privacy/'],
  [{ kind: 'version', document: 'privacy', version: '2025-02-01' }, '/legal/privacy/2025-02-01/'],
  [{ kind: 'version', document: 'privacy', version: '2025-02-01', anchor: 'your-rights' }, '/legal/privacy/2025-02-01/#your-rights'],
  [{ kind: 'history', document: 'privacy' }, '/legal/privacy/history/'],
  [{ kind: 'history', document: 'privacy', date: '2024-12-01' }, '/legal/privacy/history/?date=2024-12-01'],
  [{ kind: 'history', document: 'privacy', date: '' }, '/legal/privacy/history/'],
  [{ kind: 'compare', document: 'privacy', from: '2024-03-01', to: '2025-02-01' }, '/legal/privacy/compare/2024-03-01...2025-02-01/'],
  [{ kind: 'version-source', document: 'privacy', version: '2025-02-01' }, '/legal/privacy/2025-02-01.md'],
  [{ kind: 'feed', format: 'rss' }, '/legal/feed.xml'],
  [{ kind: 'feed', format: 'atom', document: 'terms' }, '/legal/terms/atom.xml'],
  [{ kind: 'feed', format: 'json' }, '/legal/feed.json'],
  [{ kind: 'api-versions', document: 'terms' }, '/legal/api/terms/versions.json'],
  [{ kind: 'notice', document: 'terms', version: '2025-04-01', format: 'txt' }, '/legal/notices/terms/2025-04-01.txt'],
])('routePath(%j)', (route, expected) => {
  it(`is ${expected} under /legal/ and the same without the prefix at the root`, () => {
    expect(routePath(route, '/legal/')).toBe(expected);
    expect(routePath(route, '/')).toBe(expected.replace(/^\/legal/, ''));
  });
});

describe('routeUrl', () => {
  it('makes absolute URLs under the base path', () => {
    expect(routeUrl({ kind: 'version', document: 'privacy', version: '2025-02-01' }, 'https://example.com', '/legal/')).toBe(
      'https://example.com/legal/privacy/2025-02-01/',
    );
  });
});
