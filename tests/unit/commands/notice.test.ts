import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { validContent, versionFile, writeContent } from '../../support/content-fixtures.ts';
import { runScript } from '../../support/run-script.ts';

describe('npm run notice on a fixture', () => {
  const contentDir = writeContent({
    ...validContent(),
    'alpha/2025-03-17.mdx': versionFile({ effective: '2025-03-17', published: '2025-02-10', change: 'material', summary: 'Not ready, TODO.', draft: true }),
  });
  const env = { SITE_URL: 'https://example.com', BASE_PATH: '/legal/' };
  // `npm run notice` runs `node scripts/notice.ts`; the script runs directly, with the Node that runs the tests.
  const notice = (args: string[], overrides: Record<string, string>) => runScript('notice', args, contentDir, overrides);
  afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

  it('prints the plain-text notice of a material change, subject first, with URLs under the base path', () => {
    const result = notice(['alpha', '2027-02-01'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'Subject: Tallyfield Legal: changes to our Alpha Policy, effective 1 February 2027',
        '',
        'We are changing our Alpha Policy. The new version takes effect on 1 February 2027.',
        '',
        "We announced it on 20 November 2026, giving 73 days' notice.",
        '',
        'What changes',
        '',
        'Shortens retention from two years to one.',
        '',
        'Read the new version:',
        'https://example.com/legal/alpha/2027-02-01/',
        '',
        'See every change, word by word:',
        'https://example.com/legal/alpha/compare/2024-06-01...2027-02-01/',
        '',
        'The version in force until then (1 June 2024):',
        'https://example.com/legal/alpha/2024-06-01/',
        '',
        'Questions? Contact alpha@example.com.',
        '',
        'Tallyfield Ltd',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain('"how much changed" is left out');
  });

  it('prints the HTML notice with --html', () => {
    const result = notice(['alpha', '2027-02-01', '--html'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(result.stdout).toContain('<title>Tallyfield Legal: changes to our Alpha Policy, effective 1 February 2027</title>');
    expect(result.stdout).toContain('<a href="https://example.com/legal/alpha/compare/2024-06-01...2027-02-01/">See every change, word by word</a>');
  });

  it.each([
    { args: ['gamma', '2024-01-01'], message: 'No document "gamma". Documents: alpha, beta.' },
    { args: ['alpha', '2099-01-01'], message: 'No published version "2099-01-01" of alpha. Versions: 2024-01-01, 2024-06-01, 2027-02-01.' },
    { args: ['alpha', '2025-03-17'], message: 'alpha/2025-03-17 is a draft: drafts get no notice until they are published.' },
    { args: ['alpha', '2024-06-01'], message: 'alpha/2024-06-01 is a minor change: only material changes get a notice.' },
    { args: ['beta', '2024-03-01'], message: 'beta/2024-03-01 is a first version: only material changes get a notice.' },
    { args: ['alpha'], message: 'Usage: npm run notice -- <document> <version> [--html]' },
    { args: ['alpha', '2027-02-01', '--text'], message: "Unknown option '--text'" },
  ])('exits 1 with a clear message for $args', ({ args, message }) => {
    const result = notice(args, env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
