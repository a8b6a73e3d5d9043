/** A version's in-force range as listed on the history page. `to` is empty while no successor is announced. */
export interface VersionRange {
  from: string;
  to: string;
  href: string;
}

/** The range that contains `date`, if any (ISO dates compare as strings). */
export function rangeOnDate(ranges: readonly VersionRange[], date: string): VersionRange | undefined {
  return ranges.find((range) => range.from <= date && (range.to === '' || date <= range.to));
}
