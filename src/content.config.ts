import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { DOCUMENT_META_FILE, documentMetaSchema, versionFrontmatterSchema } from './lib/content/schema.ts';

// Content lives outside src/ so legal staff see only legal text; tests point REDLINE_CONTENT_DIR at fixtures.
const base = process.env['REDLINE_CONTENT_DIR'] || './content';

export const collections = {
  documents: defineCollection({
    loader: glob({ pattern: `*/${DOCUMENT_META_FILE}`, base, generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
    schema: documentMetaSchema,
  }),
  versions: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
    schema: versionFrontmatterSchema,
  }),
};
