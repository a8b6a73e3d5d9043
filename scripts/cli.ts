/**
 * What every command-line script shares: where the project and its content are, the site configuration,
 * today's date, and how a command writes files or gives up. Scripts import src/lib and this, nothing else.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import siteInput from '../redline.config.ts';
import type { AuthoringPlan, PlannedFile } from '../src/lib/authoring/plan.ts';
import { type ContentTree, readContentTree } from '../src/lib/content/files.ts';
import { contentDirectory } from '../src/lib/content/location.ts';
import { resolveBuildDate } from '../src/lib/content/dates.ts';
import { resolveSiteConfig } from '../src/lib/site/config.ts';

/** The project root (the folder above scripts/). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The site configuration, with `SITE_URL` / `BASE_PATH` applied as in a build. */
export const site = resolveSiteConfig(siteInput, { SITE_URL: process.env['SITE_URL'], BASE_PATH: process.env['BASE_PATH'] });

/** The content folder: `content/`, or `REDLINE_CONTENT_DIR`. */
export const contentDir = contentDirectory(projectRoot, process.env['REDLINE_CONTENT_DIR']);

/** Whether `npm run lock` exists, so that next steps can mention it. */
export const hasLockScript = existsSync(join(projectRoot, 'scripts/lock.ts'));

/** Prints why the command wrote nothing, one line per reason, and exits 1. */
export function failNothingWritten(lines: readonly string[]): never {
  process.stderr.write(`✖ Nothing was written:\n${lines.map((line) => `  - ${line}`).join('\n')}\n`);
  process.exit(1);
}

/** The command line parsed with `options` (positionals allowed); on a parse error, says why with `usage` and exits 1. */
export function parseCommandArgs<const Options extends ParseArgsOptionsConfig>(options: Options, usage: string) {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    return failNothingWritten([(error as Error).message, usage]);
  }
}

/** The content folder as read files. */
export function readContent(): ContentTree {
  return readContentTree(contentDir, projectRoot);
}

/** The numbered "Next:" list a command ends with, as lines. */
export function nextStepsLines(steps: readonly string[]): string[] {
  return ['Next:', ...steps.map((step, index) => `  ${index + 1}. ${step}`)];
}

/** Today for a command: the `--today` flag, else `REDLINE_NOW`, else the clock (the only place scripts read it). */
export function commandToday(flag: string | undefined): string {
  try {
    return resolveBuildDate(flag ?? process.env['REDLINE_NOW'], new Date());
  } catch (error) {
    return failNothingWritten([(error as Error).message]);
  }
}

/** Writes planned files into the content folder (never over an existing file unless `overwrite`); returns their project paths. */
export function writeContentFiles(files: readonly PlannedFile[], overwrite = false): string[] {
  return files.map((file) => {
    const path = join(contentDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text, { flag: overwrite ? 'w' : 'wx' });
    return relative(projectRoot, path);
  });
}

/** Writes a plan's files and says what was created, the plan's notes and the next steps; or, refused, says why and exits 1. */
export function carryOut(plan: AuthoringPlan): void {
  if (!plan.ok) failNothingWritten(plan.errors);
  for (const path of writeContentFiles(plan.files)) process.stdout.write(`✓ Created ${path}\n`);
  process.stdout.write([...plan.notes.map((note) => `  ${note}`), '', ...nextStepsLines(plan.nextSteps)].map((line) => `${line}\n`).join(''));
}
