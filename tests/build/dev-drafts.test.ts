import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, PROJECT_ROOT, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, writeContent } from '../support/content-fixtures.ts';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`astro dev did not answer at ${url}`);
}

const CANARY = `canary-dev-${process.pid}`;

describe('astro dev', () => {
  let server: ChildProcess;
  let contentDir: string;
  let origin: string;
  let log = '';
  beforeAll(async () => {
    const port = await freePort();
    contentDir = writeContent(
      {
        ...validContent(),
        // A document with only a draft: left out of builds, shown by the dev server.
        'gamma/document.yaml': 'title: Gamma Terms\ndescription: The gamma terms.\norder: 3\nnoticeDays: 14\ncontact: gamma@example.com\n',
        'gamma/2027-03-01.mdx': '---\neffective: 2027-03-01\npublished: 2027-02-01\nchange: initial\nsummary: First version of the gamma terms.\ndraft: true\n---\n\n## Scope\n\nThe gamma terms, still a draft.\n',
        'beta/2027-06-01.mdx': '---\neffective: 2027-06-01\npublished: 2027-05-01\nchange: material\nsummary: Next version, still TODO.\ndraft: true\n---\n\n## Scope\n\nUnfinished draft text.\n',
        // A draft from a pull request that tries to publish a secret: the dev server must not run it either.
        'beta/2027-07-01.mdx': '---\neffective: 2027-07-01\npublished: 2027-06-01\nchange: material\nsummary: A draft that reads the environment.\ndraft: true\n---\n\n## Scope\n\nToken: {process.env.REDLINE_CANARY}\n',
      },
      TEST_BUILDS,
    );
    server = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--strictPort'], {
      cwd: PROJECT_ROOT,
      // Without Vitest's own variables (NODE_ENV=test, VITEST...), which change how Vite runs the dev server.
      env: { ...cleanEnv(), REDLINE_CONTENT_DIR: contentDir, REDLINE_NOW: '2026-11-23', REDLINE_CANARY: CANARY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    origin = `http://localhost:${port}`;
    await waitForServer(`${origin}/`, Date.now() + 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${log}`);
    });
  });
  afterAll(() => {
    server?.kill();
    rmSync(contentDir, { recursive: true, force: true });
  });

  it('shows a draft, with a DRAFT banner', async () => {
    const response = await fetch(`${origin}/beta/2027-06-01/`);
    const html = await response.text();
    expect(response.status, html.slice(0, 2000)).toBe(200);
    expect(html).toMatch(/<strong[^>]*>DRAFT<\/strong>/);
    expect(html).toContain('Unfinished draft text.');
  });

  it('does not compile a version the content rules refuse: it shows our message, never the value', async () => {
    const response = await fetch(`${origin}/beta/2027-07-01/`);
    const html = await response.text();
    expect(html).not.toContain(CANARY);
    expect(response.status).toBe(500);
    // Vite's error page gets its message over the websocket; the server's log has it.
    await expect.poll(() => log, { timeout: 10_000 }).toContain('{process.env.REDLINE_CANARY} is a JavaScript expression, not text');
    expect(log).not.toContain(CANARY);
  });

  it('shows a document that has only a draft, with its DRAFT banner', async () => {
    const response = await fetch(`${origin}/gamma/2027-03-01/`);
    const html = await response.text();
    expect(response.status, html.slice(0, 2000)).toBe(200);
    expect(html).toMatch(/<strong[^>]*>DRAFT<\/strong>/);
    expect(html).toContain('The gamma terms, still a draft.');
  });

  it('shows no banner on a published version', async () => {
    const html = await (await fetch(`${origin}/beta/2024-03-01/`)).text();
    expect(html).not.toMatch(/<strong[^>]*>DRAFT<\/strong>/);
  });
});
