/**
 * The peer of `npm run bench`: what a user would build instead of Redline, a Starlight site (Astro's
 * documentation framework) with one page per version of the same corpus, each with its title, and Starlight's
 * default settings (its sidebar lists every page, its Pagefind search indexes every page at the end of the
 * build). No redlines, feeds, API or notices: Redline's full build is compared with this one's.
 *
 * Like the floor (./floor.ts), it lives under .bench/ inside the project, so that it builds with the project's
 * Astro and the pinned @astrojs/starlight devDependency from the project's node_modules.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseYaml, splitFrontmatter } from '../../src/lib/content/files.ts';
import { formatDate } from '../../src/lib/content/dates.ts';

const CONFIG = `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// Starlight's defaults: its sidebar lists every page, and Pagefind indexes every page at the end of the build.
export default defineConfig({
  outDir: process.env.PEER_OUT_DIR ?? './dist',
  cacheDir: process.env.PEER_CACHE_DIR ?? './.cache',
  integrations: [starlight({ title: 'Legal' })],
  vite: {
    build: {
      rolldownOptions: {
        // The same harmless MDX warning the site and the floor hide (withastro/astro#18087).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
`;

// The corpus's two components, as a Starlight user would write them: a callout is Starlight's own <Aside>.
const CALLOUT = `---
import { Aside } from '@astrojs/starlight/components';
const { type = 'note', title } = Astro.props;
const asideType = type === 'warning' ? 'danger' : type === 'important' ? 'caution' : 'note';
---
<Aside type={asideType} title={title}><slot /></Aside>
`;

const DOC_LINK = `---
const { doc } = Astro.props;
---
<a href={\`/\${doc}/\`}><slot /></a>
`;

/** The lines each version page imports its components with (from src/content/docs/<document>/). */
const COMPONENT_IMPORTS = "import Callout from '../../../components/Callout.astro';\nimport DocLink from '../../../components/DocLink.astro';\n";

function titleOfDocument(files: Readonly<Record<string, string>>, slug: string): string {
  const meta = files[`${slug}/document.yaml`];
  const parsed = meta === undefined ? undefined : parseYaml(meta);
  const title = parsed?.ok ? (parsed.value as { title?: unknown }).title : undefined;
  if (typeof title !== 'string') throw new Error(`${slug}/document.yaml: no title for the peer's pages`);
  return title;
}

/**
 * The peer project's files (relative path -> text) for a content folder's files (`<document>/document.yaml`
 * and `<document>/<version>.mdx`, as read from disk): the config, the content config, the two components and
 * one page per version at `src/content/docs/<document>/<version>.mdx`, its frontmatter a Starlight title and
 * its body as committed, after the imports of the components it uses. With `publishedBy` (the build date),
 * only the versions announced by then, the ones Redline publishes on that date.
 */
export function peerProjectFiles(content: Readonly<Record<string, string>>, { publishedBy }: { publishedBy?: string } = {}): Record<string, string> {
  const files: Record<string, string> = {
    'astro.config.mjs': CONFIG,
    'src/content.config.ts': CONTENT_CONFIG,
    'src/components/Callout.astro': CALLOUT,
    'src/components/DocLink.astro': DOC_LINK,
  };
  for (const path of Object.keys(content).sort()) {
    const match = /^([^/]+)\/([^/]+)\.mdx$/.exec(path);
    if (!match) continue;
    const [, slug, id] = match as unknown as [string, string, string];
    const { frontmatter, body } = splitFrontmatter(content[path] as string);
    const { effective, published } = frontmatter.ok ? (frontmatter.value as { effective?: unknown; published?: unknown }) : {};
    if (typeof effective !== 'string') throw new Error(`${path}: no effective date for the peer's page title`);
    if (publishedBy !== undefined && typeof published === 'string' && published > publishedBy) continue;
    // JSON is YAML: the title is quoted whatever it holds.
    const title = JSON.stringify(`${titleOfDocument(content, slug)}: version of ${formatDate(effective)}`);
    files[`src/content/docs/${slug}/${id}.mdx`] = `---\ntitle: ${title}\n---\n\n${COMPONENT_IMPORTS}\n${body}`;
  }
  return files;
}

/** The files of a content folder that the peer reads: each document's metadata and versions. */
function readContentFiles(contentDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const slug of readdirSync(contentDir).sort()) {
    if (!statSync(join(contentDir, slug)).isDirectory()) continue;
    for (const name of readdirSync(join(contentDir, slug))) {
      if (name === 'document.yaml' || name.endsWith('.mdx')) files[`${slug}/${name}`] = readFileSync(join(contentDir, slug, name), 'utf8');
    }
  }
  return files;
}

/** Writes the peer project into `dir` (emptied first) over the versions in `contentDir` announced by `publishedBy`; returns its page count. */
export function writePeerProject(dir: string, contentDir: string, publishedBy?: string): number {
  rmSync(dir, { recursive: true, force: true });
  const files = peerProjectFiles(readContentFiles(contentDir), publishedBy === undefined ? {} : { publishedBy });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return Object.keys(files).filter((path) => path.startsWith('src/content/docs/')).length;
}
