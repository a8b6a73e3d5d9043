/** Placeholders ("[INSERT DATE]", "TODO"...) found in imported text, with the line of the version file they are on. */

/** One placeholder occurrence. */
export interface PlaceholderHit {
  /** 1-based line in the file the text will be written to. */
  line: number;
  text: string;
}

/** Every match of the configured placeholder patterns (case-insensitive regular expressions), line by line. */
export function findPlaceholders(text: string, patterns: readonly string[], firstLine = 1): PlaceholderHit[] {
  const regexes = patterns.map((pattern) => new RegExp(pattern, 'gi'));
  return text.split('\n').flatMap((line, index) =>
    regexes
      .flatMap((regex) => [...line.matchAll(regex)].map((match) => ({ index: match.index, text: match[0] })))
      .sort((a, b) => a.index - b.index)
      .map((hit) => ({ line: firstLine + index, text: hit.text })),
  );
}
