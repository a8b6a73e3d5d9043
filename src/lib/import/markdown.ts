/**
 * Markdown imports as it is, with one change of structure: the document's title is its H1, and a
 * Redline version has no H1 (the page supplies the title), so the H1 title is taken out. Headings are
 * demoted only when the source also used H1 for its sections.
 */

/** A Markdown body with its title taken out. */
export interface MarkdownBody {
  /** Text of the H1 that opened the document, if there was one. */
  title?: string;
  markdown: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Rewrites setext headings (a line underlined with === or ---) as ATX headings, outside code blocks. */
function setextToAtx(lines: string[]): string[] {
  const out: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) inFence = !inFence;
    const next = lines[i + 1] ?? '';
    const previous = out[out.length - 1] ?? '';
    const paragraphLine =
      !inFence && line.trim() !== '' && previous.trim() === '' && !/^ {0,3}([-*+>#|]|\d+[.)])/.test(line) && !/^ {4}/.test(line);
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(next);
    if (paragraphLine && underline) {
      out.push(`${underline[1]?.startsWith('=') ? '#' : '##'} ${line.trim()}`);
      i += 1;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Takes the H1 title out of a Markdown document and demotes headings only if other H1s remain. */
export function markdownToBody(markdown: string): MarkdownBody {
  const withoutFrontmatter = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  let lines = setextToAtx(withoutFrontmatter.split('\n'));
  let title: string | undefined;
  const first = lines.findIndex((line) => line.trim() !== '');
  const firstHeading = ATX.exec(lines[first] ?? '');
  if (firstHeading && firstHeading[1] === '#') {
    title = firstHeading[2]?.trim();
    lines = lines.slice(first + 1);
  }
  let inFence = false;
  const headingLines = lines.map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    return inFence ? undefined : ATX.exec(line);
  });
  if (headingLines.some((match) => match?.[1] === '#')) {
    lines = lines.map((line, index) => {
      const match = headingLines[index];
      return match ? `${'#'.repeat(Math.min(6, (match[1]?.length ?? 1) + 1))} ${match[2] ?? ''}` : line;
    });
  }
  return { ...(title ? { title } : {}), markdown: lines.join('\n') };
}
