import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { peerProjectFiles } from '../../../scripts/bench/peer.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/content/files.ts';

const corpus = generateCorpus({ documents: 2, versions: 4, words: 600, seed: 3 }).files;
const files = peerProjectFiles(corpus);
const pages = Object.keys(files).filter((path) => path.startsWith('src/content/docs/'));

describe('peerProjectFiles', () => {
  it('writes a Starlight project with its docs collection and default settings', () => {
    expect(files['astro.config.mjs']).toContain("integrations: [starlight({ title: 'Legal' })]");
    expect(files['src/content.config.ts']).toContain('docs: defineCollection({ loader: docsLoader(), schema: docsSchema() })');
    expect(files['src/components/Callout.astro']).toContain("import { Aside } from '@astrojs/starlight/components';");
  });

  it('has one page per version of the corpus, at src/content/docs/<document>/<version>.mdx', () => {
    const versions = Object.keys(corpus).filter((path) => path.endsWith('.mdx'));
    expect(pages.sort()).toEqual(versions.map((path) => `src/content/docs/${path}`).sort());
  });

  it.each([
    ['privacy/2019-01-07.mdx', 'Privacy policy: version of 7 January 2019'],
    ['terms/2019-01-10.mdx', 'Terms policy: version of 10 January 2019'],
  ])('titles %s "%s" and keeps its body as committed, after the component imports', (path, title) => {
    const page = files[`src/content/docs/${path}`] as string;
    const { frontmatter, body } = splitFrontmatter(page);
    expect(frontmatter.ok && frontmatter.value).toEqual({ title });
    expect(body).toBe(`\nimport Callout from '../../../components/Callout.astro';\nimport DocLink from '../../../components/DocLink.astro';\n\n${splitFrontmatter(corpus[path] as string).body}`);
  });

  it('leaves out the versions announced after the build date, as Redline does', () => {
    const content = {
      'x/document.yaml': 'title: X\n',
      'x/2024-01-01.mdx': '---\neffective: 2024-01-01\npublished: 2023-12-01\n---\n\nOne.\n',
      'x/2024-03-01.mdx': '---\neffective: 2024-03-01\npublished: 2024-01-20\n---\n\nTwo.\n',
    };
    const built = (publishedBy: string) => Object.keys(peerProjectFiles(content, { publishedBy })).filter((path) => path.startsWith('src/content/docs/'));
    expect(built('2024-01-19')).toEqual(['src/content/docs/x/2024-01-01.mdx']);
    expect(built('2024-01-20')).toEqual(['src/content/docs/x/2024-01-01.mdx', 'src/content/docs/x/2024-03-01.mdx']);
  });

  it('quotes a title whatever it holds', () => {
    const page = peerProjectFiles({ 'x/document.yaml': 'title: "Terms: \\"A\\" & B"\n', 'x/2024-01-01.mdx': '---\neffective: 2024-01-01\n---\n\nText.\n' })['src/content/docs/x/2024-01-01.mdx'] as string;
    const parsed = parseYaml(/^---\n([\s\S]*?)\n---/.exec(page)?.[1] ?? '');
    expect(parsed.ok && parsed.value).toEqual({ title: 'Terms: "A" & B: version of 1 January 2024' });
  });

  it.each([
    ['a document without a title', { 'x/document.yaml': 'order: 1\n', 'x/2024-01-01.mdx': '---\neffective: 2024-01-01\n---\n' }, /x\/document.yaml: no title/],
    ['a version without an effective date', { 'x/document.yaml': 'title: X\n', 'x/2024-01-01.mdx': '---\nsummary: s\n---\n' }, /x\/2024-01-01.mdx: no effective date/],
  ])('refuses %s, naming the file', (_, content, message) => {
    expect(() => peerProjectFiles(content)).toThrow(message);
  });
});
