import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { checkContent } from '../lib/content/check.ts';
import { IMAGE_FILE } from '../lib/content/files.ts';
import { contentDirectory } from '../lib/content/location.ts';
import { versionFileIssues } from '../lib/content/rules.ts';
import { timeStage } from './stage-timer.ts';
import type { LegalDocument } from '../lib/content/types.ts';
import { formatContentIssues } from '../lib/content/validation.ts';

/** Options of the content check. */
export interface ContentCheckOptions {
  placeholders: readonly string[];
  placeholderAllow?: readonly string[] | undefined;
  /** The date the build is for (`REDLINE_NOW` or today). */
  today: string;
  /** Receives the checked documents (published versions only under `astro build`) when the content is valid. */
  onChecked?: (documents: readonly LegalDocument[]) => void;
}

/**
 * Validates all content before Astro renders anything, so a content mistake fails `astro build`
 * with the file, the field and the fix, and no page is written. Under `astro dev` it reports and carries on.
 */
export function redlineContentCheck(options: ContentCheckOptions): AstroIntegration {
  return {
    name: 'redline:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        forgetOtherContentCache(fileURLToPath(config.root), contentDirectory(fileURLToPath(config.root), process.env['REDLINE_CONTENT_DIR']));
        // Drafts are rendered by `astro dev` only; the data layer reads this flag instead of guessing from the mode.
        updateConfig({
          vite: {
            define: { 'import.meta.env.REDLINE_INCLUDE_DRAFTS': JSON.stringify(command === 'dev') },
            // The dev server compiles a version again each time it is saved, after the check below ran.
            ...(command === 'dev' ? { plugins: [versionGuard(fileURLToPath(config.root))] } : {}),
          },
        });
        const { issues, warnings, documents } = timeStage('content validation', () =>
          checkContent({
            projectRoot: fileURLToPath(config.root),
            contentDirOverride: process.env['REDLINE_CONTENT_DIR'],
            placeholders: options.placeholders,
            placeholderAllow: options.placeholderAllow,
            production: command === 'build',
            today: options.today,
          }),
        );
        for (const warning of warnings) logger.warn(`${warning.file}: ${warning.message}. ${warning.fix}.`);
        if (issues.length === 0) {
          options.onChecked?.(documents);
          return;
        }
        const report = formatContentIssues(issues);
        if (command === 'dev') {
          logger.error(report);
          return;
        }
        // Our report, and only it: thrown, Astro would add "An unhandled error occurred", a location and a stack
        // trace inside this file, which say nothing about the content. Nothing has been written yet.
        logger.error(`${report}\nFix the content as each problem says, then run \`npm run check\` (seconds) before building again.`);
        process.exit(1);
      },
    },
  };
}

/**
 * Astro's dev server keeps its content cache in `.astro/data-store.json`, which knows nothing of
 * REDLINE_CONTENT_DIR: after switching folders it would serve entries of the previous one. Drop the cache
 * when the folder changes. (Builds get a cache folder per content folder in astro.config.mjs.)
 */
function forgetOtherContentCache(root: string, contentDir: string): void {
  const dotAstro = join(root, '.astro');
  const marker = join(dotAstro, 'redline-content-dir');
  const previous = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
  if (previous === contentDir) return;
  rmSync(join(dotAstro, 'data-store.json'), { force: true });
  mkdirSync(dotAstro, { recursive: true });
  writeFileSync(marker, contentDir);
}

/**
 * A Vite plugin for `astro dev` that refuses to compile a version file the content rules refuse (src/lib/content/rules.ts),
 * so that content never runs as code there either; the page shows our message instead. Placed before @astrojs/mdx
 * (this integration comes first). `astro build` needs none: its content check refused everything before Vite began.
 */
function versionGuard(root: string): Plugin {
  return {
    name: 'redline:version-guard',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.mdx')) return undefined;
      const folder = dirname(id);
      const assets = readdirSync(folder).filter((name) => IMAGE_FILE.test(name));
      const issues = versionFileIssues(relative(root, id), code, assets);
      if (issues.length > 0) throw new Error(formatContentIssues(issues));
      return undefined;
    },
  };
}
