/**
 * Clause numbering as real policies write it ("1.", "1)", "1 ·", "1 -", "1.2", "A.", "I.", "Section 1",
 * "Article 1", "§ 1"), and the heading level it implies in an outline: the first numbering style met is
 * the top level, a different style met under it is one level below, and meeting a style again returns to
 * its level (how a reader of "Article 1 ... 1.1 ... (a)" understands the nesting).
 */

/** A numbering style: what a reader sees as "the same kind of number". */
export type NumberingStyle = 'word' | 'numeric' | 'upper-alpha' | 'roman';

/** A line's leading clause number: its style, its depth ("1.2.3" is 3) and the text after it. */
export interface Numbering {
  style: NumberingStyle;
  depth: number;
  /** The number as written ("1.2", "IV", "C"). */
  number: string;
  /** The title after the number, without the separator. */
  rest: string;
  /** Written with a word or sign ("Section 4", "§ 4"), which makes it a heading even with no title after it. */
  worded?: boolean;
}

const WORD = /^(section|article|clause|part|chapter|schedule|annex|appendix)\s+(\d+(?:\.\d+)*|[ivxlc]+|[a-z])\b\.?\s*(?:[-–—:.·|]\s*)?(.*)$/i;
const SECTION_SIGN = /^§{1,2}\s*(\d+(?:\.\d+)*)\.?\s*(?:[-–—:.·|]\s*)?(.*)$/;
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s*[-–—:·|)]\s*|\s+)(\S.*)$/;
const INTEGER = /^(\d{1,3})(?:\s*[.)]\s+|\s+[-–—·•|:]\s+|\s*[·•]\s*)(\S.*)$/;
const UPPER_ALPHA = /^([A-Z])(?:[.)]\s+|\s+[-–—·|:]\s+)(\S.*)$/;
const ROMAN = /^([IVXLC]{1,6})(?:[.)]\s+|\s+[-–—·|:]\s+)(\S.*)$/;

/** The clause number a line starts with, or undefined when it starts with none. */
export function leadingNumbering(line: string): Numbering | undefined {
  const text = line.trim();
  let match = WORD.exec(text);
  if (match) {
    const number = match[2] ?? '';
    // "Section 4" after "3." continues the same numbering; "Article IV" is a style of its own.
    const numeric = /^\d/.test(number);
    return { style: numeric ? 'numeric' : 'word', depth: numeric ? number.split('.').length : 1, number, rest: (match[3] ?? '').trim(), worded: true };
  }
  match = SECTION_SIGN.exec(text);
  if (match) return { style: 'numeric', depth: (match[1] ?? '').split('.').length, number: match[1] ?? '', rest: (match[2] ?? '').trim(), worded: true };
  match = DECIMAL.exec(text);
  if (match) return { style: 'numeric', depth: (match[1] ?? '').split('.').length, number: match[1] ?? '', rest: (match[2] ?? '').trim() };
  match = INTEGER.exec(text);
  if (match) return { style: 'numeric', depth: 1, number: match[1] ?? '', rest: (match[2] ?? '').trim() };
  match = ROMAN.exec(text);
  if (match && /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/.test(match[1] ?? '')) {
    return { style: 'roman', depth: 1, number: match[1] ?? '', rest: (match[2] ?? '').trim() };
  }
  match = UPPER_ALPHA.exec(text);
  if (match) return { style: 'upper-alpha', depth: 1, number: match[1] ?? '', rest: (match[2] ?? '').trim() };
  return undefined;
}

/** A kind of heading in an outline: a numbering style, or an unnumbered ALL-CAPS or short line. */
export type HeadingStyle = NumberingStyle | 'caps' | 'short';

/** Tracks the heading styles met so far and gives each heading its level (2 = top). */
export class Outline {
  /** The styles open at this point, outermost first, each with the level of its depth-1 headings. */
  private styles: { style: HeadingStyle; base: number }[] = [];
  private minDepth = new Map<HeadingStyle, number>();
  private lastAlpha: string | undefined;

  /** The level of the last heading met, 1 when there was none yet. */
  last = 1;

  /** The level of a heading (numbered, or an unnumbered style with depth 1), updating the outline; capped at `maxLevel`. */
  levelOf(numbering: Pick<Numbering, 'depth' | 'number'> & { style: HeadingStyle }, maxLevel = 4): number {
    let style = numbering.style;
    // "I." after "H." is the ninth letter, not the Roman one.
    if (style === 'roman' && numbering.number.length === 1 && this.lastAlpha && this.lastAlpha.charCodeAt(0) + 1 === numbering.number.charCodeAt(0)) {
      style = 'upper-alpha';
    }
    if (style === 'upper-alpha') this.lastAlpha = numbering.number;
    const index = this.styles.findIndex((entry) => entry.style === style);
    let base: number;
    if (index === -1) {
      // A style not met yet opens one level below the heading before it.
      base = this.styles.length === 0 ? 2 : this.last + 1;
      this.styles.push({ style, base });
    } else {
      this.styles.length = index + 1;
      base = this.styles[index]?.base ?? 2;
    }
    // Decimal numbers count from 1 at the top ("2.3" alone is a sub-clause); under another style, from their first depth.
    const min = style === 'numeric' && index <= 0 && this.styles[0]?.style === 'numeric' ? 1 : Math.min(this.minDepth.get(style) ?? numbering.depth, numbering.depth);
    this.minDepth.set(style, min);
    this.last = Math.min(maxLevel, base + (numbering.depth - min));
    return this.last;
  }
}
