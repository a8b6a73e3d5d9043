/** A heading as Astro reports it after rendering. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** One line of a table of contents: a heading's depth, anchor and text. */
export type TocEntry = RenderedHeading;

/** Table of contents entries for headings of depth 2 and 3, or none when there are fewer than `minHeadings`. */
export function tableOfContents(headings: readonly RenderedHeading[], minHeadings: number): TocEntry[] {
  const entries = headings
    .filter((heading) => heading.depth >= 2 && heading.depth <= 3)
    .map((heading) => ({ depth: heading.depth, slug: heading.slug, text: heading.text.trim() }));
  return entries.length >= minHeadings ? entries : [];
}
