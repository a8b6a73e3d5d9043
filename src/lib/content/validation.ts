import type { z } from 'zod';
import type { ContentTree, DocumentSource, ParsedYaml, VersionSource } from './files.ts';
import {
  DOCUMENT_META_FILE,
  DOCUMENT_SLUG_PATTERN,
  VERSION_ID_PATTERN,
  documentMetaSchema,
  versionFrontmatterSchema,
} from './schema.ts';
import { contentRuleIssues } from './rules.ts';
import { emptySummaryReason, placeholderIssues } from './placeholders.ts';
import { daysBetween } from './dates.ts';
import type { ContentIssue, LegalDocument, Version } from './types.ts';
import { sortVersions } from './versions.ts';

/** Options of a validation run. */
export interface ValidationOptions {
  /** Regular expressions that mark unfinished text (case-insensitive, or `/source/flags`). */
  placeholders: readonly string[];
  /** Exact texts the placeholder patterns match that the site means literally (redline.config.ts `placeholderAllow`). */
  placeholderAllow?: readonly string[] | undefined;
  /** When true (production builds), drafts are left out of the returned documents. */
  excludeDrafts: boolean;
}

/** Validated documents plus everything wrong with the content. Documents are only safe to publish when `issues` is empty. */
export interface ContentValidation {
  documents: LegalDocument[];
  issues: ContentIssue[];
  /** Worth saying, but no reason to stop the build (a document with only drafts is left out). */
  warnings: ContentIssue[];
}

/** Slugs that would collide with the site's own routes. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['api', 'notices', 'search', 'subscribe', 'pagefind', '_astro', 'feed', 'assets', '404']);

function schemaIssues(file: string, parsed: ParsedYaml & { ok: true }, error: z.ZodError): ContentIssue[] {
  const raw = (typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {}) as Record<string, unknown>;
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    const line = top ? parsed.lineOfKey(top) : undefined;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join(', ');
      return { file, ...(line ? { line } : {}), field: keys, message: `unknown field ${keys}`, fix: 'remove it or correct its spelling; see "Content model" in README.md for the allowed fields' };
    }
    const missing = issue.path.length === 1 && raw[top] === undefined;
    return {
      file,
      ...(line ? { line } : {}),
      field: field || '(frontmatter)',
      message: missing ? `field "${field}" is missing (${issue.message})` : `field "${field}" ${issue.message}`,
      fix: missing ? `add "${field}:" to the frontmatter` : `correct "${field}"; see "Content model" in README.md`,
    };
  });
}

// The placeholder and summary rules live in content/placeholders.ts; this says where they look in a version.
function versionPlaceholderIssues(version: VersionSource, data: { summary: string; corrections: readonly { reason: string }[] }, options: ValidationOptions): ContentIssue[] {
  const lineOf = version.frontmatter.ok ? version.frontmatter.lineOfKey : () => undefined;
  const targets = [
    { file: version.path, field: 'body', text: version.body, line: version.bodyLine },
    { file: version.path, field: 'summary', text: data.summary, line: lineOf('summary') },
    ...data.corrections.map((correction) => ({ file: version.path, field: 'corrections.reason', text: correction.reason, line: lineOf('corrections') })),
  ];
  const issues = placeholderIssues(targets, options.placeholders, options.placeholderAllow ?? [], 'replace it with the final text, or mark the version `draft: true` until it is ready');
  const empty = emptySummaryReason(data.summary);
  const summaryLine = lineOf('summary');
  if (empty) issues.push({ file: version.path, ...(summaryLine ? { line: summaryLine } : {}), field: 'summary', message: empty, fix: 'say in a sentence what changed and why; readers see it in the history and the feeds' });
  return issues;
}

function validateVersion(
  version: VersionSource,
  document: DocumentSource,
  options: ValidationOptions,
  // Document links are checked with the MDX (content-rules.ts), which knows every document's anchors.
  _slugs: ReadonlySet<string>,
  /** The notice the document promises for material changes (0 when its document.yaml is not valid). */
  noticeDays: number,
): { version?: Version; issues: ContentIssue[] } {
  const file = version.path;
  const idMatch = VERSION_ID_PATTERN.exec(version.id);
  if (!idMatch) {
    return {
      issues: [
        {
          file,
          field: 'file name',
          message: `"${version.id}.mdx" is not a version id`,
          fix: 'name the file after its effective date, YYYY-MM-DD.mdx (add -b, -c... for a second version on one day)',
        },
      ],
    };
  }
  if (!version.frontmatter.ok) {
    return {
      issues: [
        {
          file,
          ...(version.frontmatter.line ? { line: version.frontmatter.line } : {}),
          field: 'frontmatter',
          message: `frontmatter cannot be read: ${version.frontmatter.message}`,
          fix: version.frontmatter.fix ?? 'write the frontmatter as YAML between two "---" lines; quote values that contain a colon',
        },
      ],
    };
  }
  const parsed = versionFrontmatterSchema.safeParse(version.frontmatter.value ?? {});
  if (!parsed.success) return { issues: schemaIssues(file, version.frontmatter, parsed.error) };
  const data = parsed.data;
  const lineOf = version.frontmatter.lineOfKey;
  const at = (key: string) => {
    const line = lineOf(key);
    return line ? { line } : {};
  };
  const issues: ContentIssue[] = [];
  if (idMatch[1] !== data.effective) {
    issues.push({
      file,
      ...at('effective'),
      field: 'effective',
      message: `the file name says ${idMatch[1]} but effective is ${data.effective}`,
      fix: `rename the file to ${data.effective}.mdx, or correct "effective"`,
    });
  }
  if (data.published > data.effective) {
    issues.push({
      file,
      ...at('published'),
      field: 'published',
      message: `published (${data.published}) is after effective (${data.effective})`,
      fix: 'a version is announced on or before the day it takes effect: correct one of the two dates',
    });
  }
  // Imported history (content-schema.ts) records notice as it was given elsewhere, before this site published it.
  if (data.change === 'material' && !data.draft && !data.imported) {
    const notice = daysBetween(data.published, data.effective);
    if (notice < noticeDays) {
      issues.push({
        file,
        ...at('effective'),
        field: 'effective',
        message: `a material change announced ${notice} day(s) ahead, but ${document.metaPath} promises ${noticeDays} days' notice`,
        fix: `set effective to ${noticeDays} or more days after published (${data.published}), or record the change as minor if it truly is`,
      });
    }
  }
  for (const correction of data.corrections) {
    if (correction.date < data.published) {
      issues.push({
        file,
        ...at('corrections'),
        field: 'corrections.date',
        message: `a correction dated ${correction.date} is before the version was published (${data.published})`,
        fix: 'date the correction on the day the text was corrected',
      });
    }
  }
  if (!data.draft) {
    issues.push(...versionPlaceholderIssues(version, data, options));
  }
  return {
    version: {
      document: document.slug,
      id: version.id,
      effective: data.effective,
      published: data.published,
      change: data.change,
      summary: data.summary,
      draft: data.draft,
      imported: data.imported,
      corrections: data.corrections,
      sourcePath: version.path,
      sha256: version.sha256,
    },
    issues,
  };
}

function validateDocument(document: DocumentSource, options: ValidationOptions, slugs: ReadonlySet<string>): ContentValidation {
  const issues: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  if (!DOCUMENT_SLUG_PATTERN.test(document.slug) || RESERVED_SLUGS.has(document.slug)) {
    issues.push({
      file: document.dir,
      field: 'folder name',
      message: RESERVED_SLUGS.has(document.slug)
        ? `"${document.slug}" is reserved for the site's own pages`
        : `"${document.slug}" is not a valid document slug`,
      fix: 'name the folder in lowercase words joined by hyphens, e.g. privacy or acceptable-use',
    });
  }
  for (const stray of document.strayFiles) {
    issues.push({
      file: stray,
      field: 'file name',
      message: 'this file is neither document.yaml nor a version (.mdx) and would be ignored',
      fix: 'rename a version to YYYY-MM-DD.mdx, or move the file out of content/',
    });
  }
  let meta: z.output<typeof documentMetaSchema> | undefined;
  if (!document.meta) {
    issues.push({
      file: document.metaPath,
      field: DOCUMENT_META_FILE,
      message: `the document has no ${DOCUMENT_META_FILE}`,
      fix: `create ${document.metaPath} with title, description, order, noticeDays and contact (npm run new-document does it for you)`,
    });
  } else if (!document.meta.ok) {
    issues.push({
      file: document.metaPath,
      ...(document.meta.line ? { line: document.meta.line } : {}),
      field: DOCUMENT_META_FILE,
      message: `cannot be read: ${document.meta.message}`,
      fix: 'write it as YAML key: value lines',
    });
  } else {
    const parsed = documentMetaSchema.safeParse(document.meta.value ?? {});
    if (parsed.success) meta = parsed.data;
    else issues.push(...schemaIssues(document.metaPath, document.meta, parsed.error));
  }

  const versions: Version[] = [];
  for (const source of document.versions) {
    const result = validateVersion(source, document, options, slugs, meta?.noticeDays ?? 0);
    issues.push(...result.issues);
    if (result.version) versions.push(result.version);
  }

  const published = sortVersions(versions.filter((version) => !version.draft));
  if (meta && published.length > 0 && document.meta?.ok) {
    const lineOf = document.meta.lineOfKey;
    const fields = [['title', meta.title], ['description', meta.description], ['contact', meta.contact]] as const;
    const targets = fields.map(([field, text]) => ({ file: document.metaPath, field, text, line: lineOf(field) }));
    issues.push(...placeholderIssues(targets, options.placeholders, options.placeholderAllow ?? [], `write the final ${DOCUMENT_META_FILE} value`));
  }
  const byEffective = new Map<string, Version>();
  for (const version of published) {
    const other = byEffective.get(version.effective);
    if (other) {
      issues.push({
        file: version.sourcePath,
        field: 'effective',
        message: `two versions in force from the same day: ${other.sourcePath} and this one both take effect on ${version.effective}`,
        fix: 'merge them into one version, or give one of them another effective date',
      });
    } else {
      byEffective.set(version.effective, version);
    }
  }
  published.forEach((version, index) => {
    if (index === 0 && version.change !== 'initial') {
      issues.push({
        file: version.sourcePath,
        field: 'change',
        message: `the first version of the document has change: ${version.change}`,
        fix: 'set change: initial on the first version',
      });
    }
    if (index > 0 && version.change === 'initial') {
      issues.push({
        file: version.sourcePath,
        field: 'change',
        message: 'change: initial is only for the first version',
        fix: 'say whether this version makes a material or a minor change',
      });
    }
  });
  if (published.length === 0 && versions.length > 0 && versions.every((version) => version.draft)) {
    // A new document in the works must not stop the daily rebuild that switches the other documents' versions.
    warnings.push({
      file: document.dir,
      field: 'versions',
      message: 'the document has only drafts, so it is left out of the published site (npm run dev shows it with its DRAFT banner)',
      fix: 'set draft: false on its first version when it is ready to publish',
    });
  } else if (published.length === 0) {
    issues.push({
      file: document.dir,
      field: 'versions',
      message: 'the document has no published version (every version is missing or invalid)',
      fix: 'add a version with npm run new-version, or set draft: false on a finished one',
    });
  }
  if (!meta) return { documents: [], issues, warnings };
  const kept = options.excludeDrafts ? versions.filter((version) => !version.draft) : versions;
  if (kept.length === 0) return { documents: [], issues, warnings };
  return { documents: [{ slug: document.slug, ...meta, versions: sortVersions(kept) }], issues, warnings };
}

/** Validates every document and version under the content folder, returning what is publishable and what is wrong. */
export function validateContent(tree: ContentTree, options: ValidationOptions): ContentValidation {
  const issues: ContentIssue[] = tree.strayFiles.map((file) => ({
    file,
    field: 'file name',
    message: 'files directly in the content folder are ignored',
    fix: 'put each document in its own folder: content/<document>/document.yaml and content/<document>/<YYYY-MM-DD>.mdx',
  }));
  if (tree.documents.length === 0) {
    issues.push({
      file: tree.contentDir || 'content',
      field: 'documents',
      message: 'there are no documents',
      fix: 'create one with npm run new-document -- <slug> --title "..."',
    });
  }
  const slugs = new Set(tree.documents.map((document) => document.slug));
  const documents: LegalDocument[] = [];
  const warnings: ContentIssue[] = [];
  for (const document of tree.documents) {
    const result = validateDocument(document, options, slugs);
    issues.push(...result.issues);
    warnings.push(...result.warnings);
    documents.push(...result.documents);
  }
  // Links, components, HTML, characters, folders: the rules that read the MDX as the compiler does.
  issues.push(...contentRuleIssues(tree));
  documents.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { documents, issues, warnings };
}

/** Human-readable report of content issues: one block per issue, file:line first, then the fix. */
export function formatContentIssues(issues: readonly ContentIssue[]): string {
  const lines = issues.map((issue) => {
    const where = issue.line ? `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ''}` : issue.file;
    const field = issue.field ? ` [${issue.field}]` : '';
    return `  ✖ ${where}${field}\n    ${issue.message}\n    Fix: ${issue.fix}`;
  });
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `Redline found ${count} in the content; nothing was published:\n\n${lines.join('\n\n')}\n`;
}
