import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFiles, cleanEnv, PROJECT_ROOT, runBuild, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, versionFile, writeContent } from '../support/content-fixtures.ts';
import { UNSAFE_CONTENT_CASES, type UnsafeContentCase } from '../support/unsafe-content.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const CASE_FILE = 'alpha/2024-06-01.mdx';

/**
 * A case moved to a version file of its own (alpha/<a day of 2025>.mdx, same frontmatter lines, so the same line
 * numbers), so that many cases can share one content folder and one build.
 */
function spread(testCase: UnsafeContentCase, index: number): UnsafeContentCase {
  if (!(CASE_FILE in testCase.change)) return testCase;
  const date = new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10);
  const retarget = (text: string) => text.replaceAll('2024-06-01', date);
  const content = testCase.change[CASE_FILE]!;
  const file = `alpha/${date}.mdx`;
  const moved = typeof content === 'string' ? retarget(content) : Buffer.from(retarget(content.toString('latin1')), 'latin1');
  const { [CASE_FILE]: _, ...rest } = testCase.change;
  return { ...testCase, change: { ...rest, [file]: moved }, file };
}

/** Cases in as few batches as possible, no two in a batch changing the same file. */
function batches(cases: UnsafeContentCase[]): UnsafeContentCase[][] {
  const result: UnsafeContentCase[][] = [];
  for (const testCase of cases) {
    const keys = Object.keys(testCase.change);
    const batch = result.find((candidate) => candidate.every((other) => keys.every((key) => !(key in other.change))));
    if (batch) batch.push(testCase);
    else result.push([testCase]);
  }
  return result;
}

/** validContent() with every change of `cases` written into it; the lock records validContent() only. */
function writeBatch(cases: UnsafeContentCase[]): string {
  const dir = writeContent(validContent(), TEST_BUILDS, { lockFrom: validContent() });
  dirs.push(dir);
  for (const testCase of cases) {
    for (const [path, content] of Object.entries(testCase.change)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
  return dir;
}

const BATCHES = batches(UNSAFE_CONTENT_CASES.map(spread));

describe.each(BATCHES.map((cases, index) => ({ cases, index: index + 1, count: cases.length })))('a build of batch $index ($count unsafe inputs)', ({ cases, index }) => {
  it('is refused with each input named by file, line and fix, and leaves the output folder as it was', () => {
    const contentDir = writeBatch(cases);
    const name = `unsafe-${index}`;
    const outDir = join(TEST_BUILDS, name);
    // The previous good build, as far as this test needs one: it must come out of a refused build untouched.
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>previous build</title>');
    dirs.push(outDir);

    // A secret in the environment, as CI has them: a case reads it with {process.env.SOME_TOKEN}.
    const canary = `canary-${index}-${process.pid}`;
    const result = runBuild({ name, contentDir, env: { SOME_TOKEN: canary } });
    expect(result.status).not.toBe(0);
    // Nothing of the content ran, not even to fail: no secret and no line of /etc/passwd in the log.
    expect(result.output).not.toContain(canary);
    expect(result.output).not.toMatch(/root:x?:0:0/);
    const where = relative(PROJECT_ROOT, contentDir);
    for (const testCase of cases) {
      const at = testCase.line === undefined ? `${where}/${testCase.file}` : `${where}/${testCase.file}:${testCase.line}`;
      // Each issue is printed as "✖ file:line[:column] [field]", then the message, then "Fix: ...".
      const block = result.output.split('\n  ✖ ').find((chunk) => (chunk.startsWith(`${at}:`) || chunk.startsWith(`${at} `)) && testCase.message.test(chunk));
      expect(block, `${testCase.name}: no issue at ${at} matching ${testCase.message}`).toBeDefined();
      expect(block?.split('Fix: ')[1], testCase.name).toMatch(testCase.fix);
    }
    // Our report only: no Astro hint, location or stack trace.
    expect(result.output).not.toMatch(/Stack trace|Browser APIs are not available|An unhandled error occurred|Location:/);
    expect(builtFiles(outDir)).toEqual(['index.html']);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('previous build');
  });
});

/** Runs `npm run build`'s script without waiting, so that two can run at once. */
function startBuild(outDir: string, contentDir: string, env: Record<string, string>): Promise<{ status: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...cleanEnv(), REDLINE_OUT_DIR: outDir, REDLINE_NOW: '2026-11-23', REDLINE_CONTENT_DIR: contentDir, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ status: code ?? 1, output }));
  });
}

// Text that looks like code but is written as text: it must be published as those characters, never evaluated.
const TRICKS_BODY = [
  '## Scope',
  '',
  'Alpha applies to every customer. Write \\{process.env.REDLINE_CANARY\\} to see nothing: it is text.',
  '',
  '&#105;mport fs from "node:fs" is a sentence here, and so is `{process.env.REDLINE_CANARY}` in code.',
  '',
  '```js',
  'import x from "../../../etc/passwd";',
  'export const leak = process.env.REDLINE_CANARY;',
  '```',
  '',
  '## Retention',
  '',
  'We keep data for two years. See <DocLink doc="beta" section="scope">the beta terms</DocLink>.',
  '',
  '![How data flows](./data-flow.png)',
  '',
].join('\n');

/** A real PNG of `size` x `size` red pixels: an image file of the document, which the site publishes. */
function png(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([255, 0, 0]))]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(Array(size).fill(row)))), chunk('IEND', Buffer.alloc(0))]);
}

describe('environment values and concurrent builds', () => {
  it('never publishes a value of the environment, and a second build of one folder waits for the first', async () => {
    const canary = `canary-${process.pid}-${Date.now().toString(36)}`;
    const files = { ...validContent(), 'alpha/2025-01-01.mdx': versionFile({ effective: '2025-01-01', published: '2025-01-01', change: 'minor', summary: 'Adds text that looks like code.' }, TRICKS_BODY) };
    const contentDir = writeContent(files, TEST_BUILDS);
    writeFileSync(join(contentDir, 'alpha/data-flow.png'), png(8));
    dirs.push(contentDir);
    const outDir = join(TEST_BUILDS, 'unsafe-env');
    rmSync(outDir, { recursive: true, force: true });
    // What killed builds leave behind, for this build to remove.
    for (const leftover of [`${outDir}.staging-999999`, `${outDir}.previous-999999`]) mkdirSync(leftover, { recursive: true });
    dirs.push(outDir);

    // Both builds at once into one folder: one under /legal/, one at the root, each with the secret around.
    const env = { REDLINE_CANARY: canary, SOME_TOKEN: canary, HOME_CANARY: canary };
    const [legal, root] = await Promise.all([
      startBuild(outDir, contentDir, { ...env, BASE_PATH: '/legal/' }),
      new Promise<{ status: number; output: string }>((done) => setTimeout(() => void startBuild(outDir, contentDir, env).then(done), 1500)),
    ]);
    expect([legal.status, root.status], `${legal.output}\n${root.output}`).toEqual([0, 0]);
    expect(root.output).toMatch(/Another build \(process \d+\) is writing .*unsafe-env; waiting/);

    // The second build's output only, not a mix: no page links to /legal/.
    const built = builtFiles(outDir);
    expect(built.length).toBeGreaterThan(20);
    const texts = built.map((path) => readFileSync(join(outDir, path)).toString('latin1'));
    expect(built.filter((path, i) => path.endsWith('.html') && texts[i]!.includes('href="/legal/'))).toEqual([]);
    expect(texts.some((text) => text.includes(canary)), 'the canary reached dist/').toBe(false);
    expect(legal.output + root.output).not.toContain(canary);
    // The text that looks like code is published as text.
    const page = readFileSync(join(outDir, 'alpha/2025-01-01/index.html'), 'utf8');
    expect(page).toContain('{process.env.REDLINE_CANARY}');
    expect(page).toContain('import fs from');
    // An image file of the document is published by the site itself, under the site's own path.
    const image = /<img src="\/(_astro\/data-flow\.[^"]+)"[^>]* alt="How data flows"/.exec(page)?.[1];
    expect(image && existsSync(join(outDir, image)), String(page.match(/<img[^>]*>/g))).toBe(true);

    expect(existsSync(`${outDir}.staging-999999`) || existsSync(`${outDir}.previous-999999`)).toBe(false);
    expect(existsSync(`${outDir}.lock`)).toBe(false);
  });
});
