/** Placeholders ("[INSERT DATE]", "TODO"...) found in imported text, with the line of the version file they are on. */
import { findPlaceholderMatches } from '../content/placeholders.ts';

/** One placeholder occurrence. */
export interface PlaceholderHit {
  /** 1-based line in the file the text will be written to. */
  line: number;
  text: string;
}

/** Every match of the configured placeholder patterns (see content/placeholders.ts), line by line, once each. */
export function findPlaceholders(text: string, patterns: readonly string[], firstLine = 1): PlaceholderHit[] {
  return findPlaceholderMatches(text, patterns).map((match) => ({ line: firstLine + match.line, text: match.text }));
}
