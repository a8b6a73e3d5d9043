/**
 * The floor of `npm run bench`: the smallest Astro project that renders the same version pages from the same
 * MDX, one plain page per version with a minimal layout, and nothing else (no validation, no diffs, no feeds, no
 * search, no CSP). The full site's build time is compared with this one's.
 *
 * It lives under .bench/floor/ inside the project (Astro reads content inside its root only, and imports resolve
 * to the project's node_modules), with a copy of the corpus as its content.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FILES: Record<string, string> = {
  'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.FLOOR_OUT_DIR ?? './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR ?? './.cache',
  integrations: [mdx()],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
`,
  'src/content.config.ts': `import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';

export const collections = {
  versions: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: './content', generateId: ({ entry }) => entry.replace(/\\.mdx$/, '') }) }),
};
`,
  'src/components/Callout.astro': `---
const { title } = Astro.props;
---
<aside><strong>{title}</strong><slot /></aside>
`,
  'src/components/DocLink.astro': `---
const { doc } = Astro.props;
---
<a href={\`/\${doc}/\`}><slot /></a>
`,
  'src/pages/[document]/[version]/index.astro': `---
import { getCollection, render } from 'astro:content';
import Callout from '../../../components/Callout.astro';
import DocLink from '../../../components/DocLink.astro';

export async function getStaticPaths() {
  const versions = await getCollection('versions');
  return versions.map((entry) => {
    const [document, version] = entry.id.split('/');
    return { params: { document, version }, props: { entry } };
  });
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.id}</title></head>
  <body><main><Content components={{ Callout, DocLink }} /></main></body>
</html>
`,
};

/** Writes the floor project into `dir` (emptied first) with `contentDir` copied in as its content. */
export function writeFloorProject(dir: string, contentDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  cpSync(contentDir, join(dir, 'content'), { recursive: true });
}
