/**
 * The import pipeline: each input format becomes Markdown by its own module (Word goes through HTML),
 * then every result takes the same two steps: the H1 title is taken out, and the text is made MDX-safe.
 */
import { docxToHtml } from './docx.ts';
import { htmlToMarkdown } from './html.ts';
import { markdownToBody } from './markdown.ts';
import { makeMdxSafe } from './mdx-safe.ts';
import { plainTextToMarkdown } from './plain-text.ts';

/** The formats an existing policy can be imported from. */
export const IMPORT_FORMATS = ['markdown', 'html', 'docx', 'text'] as const;

/** One of the import formats. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A policy converted to a version body. */
export interface ConvertedPolicy {
  /** The document's title as found in the source (its H1 or HTML title), if any. */
  title?: string;
  /** MDX-safe Markdown, no H1, ending in one newline. */
  body: string;
  /** What could not be converted as it was, for the author to check by hand. */
  warnings: string[];
}

const EXTENSIONS: Record<string, ImportFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  txt: 'text',
  text: 'text',
};

/** The import format of a file, from its extension; undefined when the extension is not one we read. */
export function formatOfFile(fileName: string): ImportFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

/** Converts the bytes of a policy in the given format to a version body. */
export async function convertPolicy(bytes: Uint8Array, format: ImportFormat): Promise<ConvertedPolicy> {
  const warnings: string[] = [];
  let markdown: string;
  let fallbackTitle: string | undefined;
  const text = () => new TextDecoder('utf-8').decode(bytes);
  if (format === 'docx' || format === 'html') {
    let html: string;
    if (format === 'docx') {
      const docx = await docxToHtml(bytes);
      warnings.push(...docx.warnings);
      html = docx.html;
    } else {
      html = text();
    }
    const converted = htmlToMarkdown(html);
    warnings.push(...converted.warnings);
    markdown = converted.markdown;
    fallbackTitle = converted.title;
  } else if (format === 'text') {
    markdown = plainTextToMarkdown(text());
  } else {
    markdown = text();
  }
  const body = markdownToBody(markdown);
  const safe = makeMdxSafe(body.markdown);
  warnings.push(...safe.warnings);
  const title = body.title ?? fallbackTitle;
  return { ...(title ? { title: title.replace(/\\(.)/g, '$1') } : {}), body: safe.markdown, warnings };
}
