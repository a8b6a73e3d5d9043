import { join, relative } from 'node:path';
import { type ConfigData, HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, builtFiles } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { EXAMPLE_SITES } from '../support/example-site.ts';

/** Every .html file under `dir`. */
function htmlFiles(dir: string): string[] {
  return builtFiles(dir)
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(dir, path));
}

// html-validate's recommended rules, with three deliberate adjustments:
// - `no-redundant-role`: role="search" on <form> is kept for screen readers that predate <search>.
// - `form-dup-name`: checkboxes sharing a name is how HTML submits several values (the search filters).
// - `long-title`: an SEO length limit; a version's title ("Privacy Policy (version of 15 January 2027)") and a
//   notice's e-mail subject must say exactly what they are, even past 70 characters.
const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    'no-redundant-role': 'off',
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    'long-title': 'off',
  },
};

describe.each(EXAMPLE_SITES)('the built site under $base', ({ base, name, env }) => {
  let outDir: string;
  let site: StaticSite;
  beforeAll(async () => {
    outDir = buildSite({ name, env });
    site = await serveStatic(outDir, base);
  });
  afterAll(() => site?.close());

  it('has zero broken links and zero broken fragments', async () => {
    const external: string[] = [];
    const checker = new LinkChecker();
    const result = await checker.check({
      path: site.url,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => {
        const outside = !link.startsWith(site.origin);
        if (outside) external.push(link);
        return outside;
      },
    });
    const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.status ?? ''} ${link.url} (from ${link.parent ?? '?'})`);
    expect(broken).toEqual([]);
    // The crawl must have reached every kind of page, not stopped at the home page.
    const crawled = result.links.map((link) => link.url);
    for (const path of ['privacy/', 'privacy/history/', 'privacy/2024-03-01/', 'subscribe/', 'privacy/2025-09-01.md']) {
      expect(crawled, path).toContain(`${site.url}${path}`);
    }
    // External links come only from the legal text itself (example domains), never from the site's chrome.
    expect(external.filter((link) => !/^(https:\/\/(www\.)?example\.org\/|https:\/\/[\w.-]*\.example\/|mailto:)/.test(link))).toEqual([]);
  });

  it('every page passes html-validate with zero errors', async () => {
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(30);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(`${relative(outDir, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
