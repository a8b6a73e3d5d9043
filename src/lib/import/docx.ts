/**
 * Word (.docx) to HTML through mammoth, which maps Word's heading, list and table styles to semantic
 * HTML; the HTML then takes the same path as an HTML import.
 */
import mammoth from 'mammoth';

/** HTML converted from a Word document, with mammoth's messages about what it could not map. */
export interface DocxConversion {
  html: string;
  warnings: string[];
}

/** Converts the bytes of a .docx file to HTML. */
export async function docxToHtml(bytes: Uint8Array): Promise<DocxConversion> {
  // Word's "Title" style names the document, as an H1 would; "Subtitle" is a line of text under it.
  const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap });
  // Mammoth reports each unmapped style or unsupported element once per occurrence; say each thing once.
  const warnings = [...new Set(result.messages.map((message) => `Word: ${message.message}`))];
  return { html: result.value, warnings };
}
