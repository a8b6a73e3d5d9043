import { describe, expect, it } from 'vitest';
import { planNewVersion, SUMMARY_TO_WRITE, type NewVersionRequest } from '../../../src/lib/authoring/new-version.ts';
import { splitFrontmatter } from '../../../src/lib/content/files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { validContent, versionFile } from '../../support/content-fixtures.ts';
import { treeOf } from './tree.ts';

// validContent(): alpha (30 days' notice) has versions 2024-01-01, 2024-06-01 and 2027-02-01; beta (14 days) one, 2024-03-01.
const request = (fields: Partial<NewVersionRequest>): NewVersionRequest => ({
  document: 'beta',
  material: false,
  minor: false,
  today: '2026-11-23',
  placeholders: DEFAULT_PLACEHOLDERS,
  hasLockScript: true,
  ...fields,
});

describe('planNewVersion', () => {
  it.each([
    ['a material change: effective after the notice period', { material: true }, 'beta/2026-12-07.mdx', 'material', '2026-12-07'],
    ['material by default', {}, 'beta/2026-12-07.mdx', 'material', '2026-12-07'],
    ['a minor change: effective today', { minor: true }, 'beta/2026-11-23.mdx', 'minor', '2026-11-23'],
    ['an explicit later effective date', { material: true, effective: '2027-03-01' }, 'beta/2027-03-01.mdx', 'material', '2027-03-01'],
  ] as const)('%s', (_name, fields, path, change, effective) => {
    const plan = planNewVersion(request(fields), treeOf());
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.files.map((file) => file.path)).toEqual([path]);
    const { frontmatter } = splitFrontmatter(plan.files[0]?.text ?? '');
    expect(frontmatter.ok && frontmatter.value).toEqual({ effective, published: '2026-11-23', change, summary: SUMMARY_TO_WRITE });
  });

  it('copies the body of the latest published version byte for byte', () => {
    const files = validContent();
    const latest = versionFile({ effective: '2024-09-01', published: '2024-09-01', change: 'minor', summary: 'Reworded the scope section.' }, '\nIntro \\{x\\}\n\n## Scope\n\nTrailing spaces   \n\n\n');
    files['beta/2024-09-01.mdx'] = latest;
    const plan = planNewVersion(request({ minor: true, summary: 'Fixed the name of the controller.' }), treeOf(files));
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(splitFrontmatter(plan.files[0]?.text ?? '').body).toBe(splitFrontmatter(latest).body);
    expect(plan.files[0]?.text).toContain('summary: Fixed the name of the controller.\n');
  });

  it('starts from the latest published version, not a draft', () => {
    const files = validContent();
    files['beta/2024-09-01.mdx'] = versionFile({ effective: '2024-09-01', published: '2024-09-01', change: 'minor', summary: 'Draft wording.', draft: true }, 'DRAFT TEXT\n');
    const plan = planNewVersion(request({ minor: true }), treeOf(files));
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.files[0]?.text).not.toContain('DRAFT TEXT');
    expect(plan.notes.join('\n')).toMatch(/2024-09-01.mdx is a draft/);
  });

  it('lists the next steps, with npm run lock only when the project has it', () => {
    const withLock = planNewVersion(request({ minor: true }), treeOf());
    const withoutLock = planNewVersion(request({ minor: true, hasLockScript: false }), treeOf());
    if (!withLock.ok || !withoutLock.ok) throw new Error('refused');
    expect(withLock.nextSteps.join('\n')).toMatch(/Edit .*beta\/2026-11-23.mdx[\s\S]*summary[\s\S]*npm run lock[\s\S]*npm run check[\s\S]*pull request/);
    expect(withoutLock.nextSteps.join('\n')).not.toContain('npm run lock');
  });

  it.each([
    ['both kinds of change', { material: true, minor: true }, /choose one of --material and --minor/],
    ['an unknown document', { document: 'gamma' }, /no document "gamma" \(documents: alpha, beta\)/],
    ['an impossible date', { effective: '2026-02-30' }, /"2026-02-30" is not a date/],
    ['an effective date before today', { minor: true, effective: '2026-11-01' }, /before today \(2026-11-23\)/],
    ['a material change inside the notice period', { material: true, effective: '2026-12-01' }, /on or after 2026-12-07: .* promises 14 days' notice, and 2026-12-01 gives 8/],
    ['a date already taken', { document: 'alpha', material: true, effective: '2027-02-01' }, /a version already takes effect on 2027-02-01/],
    ['an effective date before the latest version', { document: 'alpha', minor: true }, /takes effect on 2027-02-01; .* --effective 2027-02-02 or later/],
    ['a summary too short', { minor: true, summary: 'Typo.' }, /--summary is too short/],
  ] as const)('refuses %s', (_name, fields, message) => {
    const plan = planNewVersion(request(fields), treeOf());
    expect(plan.ok).toBe(false);
    expect(plan.ok ? '' : plan.errors.join('\n')).toMatch(message);
  });

  it('refuses a document whose only version is a draft', () => {
    const files = validContent();
    files['beta/2024-03-01.mdx'] = versionFile({ effective: '2024-03-01', published: '2024-02-01', change: 'initial', summary: 'First version of the beta terms.', draft: true });
    const plan = planNewVersion(request({ minor: true }), treeOf(files));
    expect(plan.ok ? '' : plan.errors.join('\n')).toMatch(/no published version to start from/);
  });
});
