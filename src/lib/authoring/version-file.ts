/** The text of the files authoring commands write: a version's frontmatter block and a document's metadata. */
import yaml from 'js-yaml';
import type { ChangeKind } from '../content/types.ts';

/** Frontmatter of a version an authoring command writes, in the order authors read it. */
export interface VersionFileFields {
  effective: string;
  published: string;
  change: ChangeKind;
  summary: string;
  /** Written only when true, so a finished version's frontmatter carries no `draft: false` to forget. */
  draft?: boolean;
  /** Written only when true: a version brought in from the document's history (npm run import -- --history). */
  imported?: boolean;
}

/** Fields of a new `document.yaml`. */
export interface DocumentFileFields {
  title: string;
  description: string;
  order: number;
  noticeDays: number;
  contact: string;
}

// CORE_SCHEMA, as the content reader uses: dates stay unquoted `2026-01-31` and strings are quoted only when YAML needs it.
const dump = (value: object) => yaml.dump(value, { schema: yaml.CORE_SCHEMA, lineWidth: -1, quotingType: '"' });

/** A version file: the frontmatter block, then `body` exactly as given (its leading blank line included). */
export function versionFileText(fields: VersionFileFields, body: string): string {
  const { draft, imported, ...rest } = fields;
  return `---\n${dump({ ...rest, ...(draft ? { draft: true } : {}), ...(imported ? { imported: true } : {}) })}---\n${body}`;
}

/** A `document.yaml`. */
export function documentFileText(fields: DocumentFileFields): string {
  return dump(fields);
}
