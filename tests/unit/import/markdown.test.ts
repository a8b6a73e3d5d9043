import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../../../src/lib/import/markdown.ts';

describe('markdownToBody', () => {
  it('takes out the H1 title and leaves H2 sections as they are', () => {
    expect(markdownToBody('# Privacy Policy\n\nIntro.\n\n## Scope\n\nText.\n')).toEqual({ title: 'Privacy Policy', markdown: '\nIntro.\n\n## Scope\n\nText.\n' });
  });

  it('demotes every heading when the sections were H1 too', () => {
    expect(markdownToBody('# Terms\n\n# Scope\n\n## Detail\n').markdown).toBe('\n## Scope\n\n### Detail\n');
  });

  it('reads a setext title and sections', () => {
    expect(markdownToBody('Terms\n=====\n\nScope\n-----\n\nText.\n')).toEqual({ title: 'Terms', markdown: '\n## Scope\n\nText.\n' });
  });

  it('has no title when the document does not open with an H1', () => {
    expect(markdownToBody('Intro.\n\n## Scope\n')).toEqual({ markdown: 'Intro.\n\n## Scope\n' });
  });

  it('drops YAML frontmatter and ignores # lines inside code blocks', () => {
    expect(markdownToBody('---\ntitle: x\n---\n## A\n\n```\n# not a heading\n```\n').markdown).toBe('## A\n\n```\n# not a heading\n```\n');
  });
});
