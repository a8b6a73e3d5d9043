import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readContentTree } from '../lib/content-files.ts';
import { contentDirectory } from '../lib/content-location.ts';
import { formatContentIssues, validateContent } from '../lib/validation.ts';

/** Options of the content check. */
export interface ContentCheckOptions {
  placeholders: readonly string[];
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
        // Drafts are rendered by `astro dev` only; the data layer reads this flag instead of guessing from the mode.
        updateConfig({ vite: { define: { 'import.meta.env.REDLINE_INCLUDE_DRAFTS': JSON.stringify(command === 'dev') } } });
        const root = fileURLToPath(config.root);
        const tree = readContentTree(contentDirectory(root, process.env['REDLINE_CONTENT_DIR']), root);
        const { issues } = validateContent(tree, { placeholders: options.placeholders, excludeDrafts: command === 'build' });
        if (issues.length === 0) return;
        const report = formatContentIssues(issues);
        if (command === 'dev') {
          logger.error(report);
          return;
        }
        throw new AstroError(report, 'Fix the content as each problem says, then run `npm run check` (seconds) before building again.');
      },
    },
  };
}
