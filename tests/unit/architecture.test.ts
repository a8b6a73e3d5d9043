import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: Array<{ name: string }>;
}

/** Runs dependency-cruiser with the project's rules (.dependency-cruiser.cjs) over `paths` in `cwd`. */
function violations(cwd: string, paths: string[]): Violation[] {
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'), ...paths, '--config', join(PROJECT_ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd, encoding: 'utf8' },
  );
  expect(result.stdout, result.stderr).not.toBe('');
  return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

// Each test runs dependency-cruiser over a whole tree in a child process: a few seconds on a busy machine, more than
// the unit tests' default of 5 s.
const CRUISE_TIMEOUT_MS = 60_000;

describe('import rules (.dependency-cruiser.cjs)', () => {
  it('hold for the project: no import circles, src/lib pure, imports running one way', () => {
    const found = violations(PROJECT_ROOT, ['src', 'scripts']);
    expect(found.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`)).toEqual([]);
  }, CRUISE_TIMEOUT_MS);

  it('catch each kind of mistake in a fixture that makes them', () => {
    const found = violations(join(PROJECT_ROOT, 'tests/fixtures/architecture'), ['src', 'scripts']);
    const seen = found.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`).sort();
    expect(seen).toEqual(
      [
        'lib-is-pure: src/lib/reads-collections.ts -> astro:content',
        'lib-is-pure: src/lib/reads-collections.ts -> src/data/documents.ts',
        'lib-no-astro-modules: src/lib/reads-collections.ts -> astro:content',
        'no-circular: src/lib/lock.ts -> src/lib/validation.ts',
        'nothing-imports-pages: scripts/uses-page.ts -> src/pages/index.ts',
        'scripts-client-integrations-use-lib: scripts/uses-page.ts -> src/data/documents.ts',
        'scripts-client-integrations-use-lib: scripts/uses-page.ts -> src/pages/index.ts',
      ].sort(),
    );
  }, CRUISE_TIMEOUT_MS);
});
