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
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  // Mammoth reports each unmapped style or unsupported element once per occurrence; say each thing once.
  const warnings = [...new Set(result.messages.map((message) => `Word: ${message.message}`))];
  return { html: result.value, warnings };
}
