/**
 * What an import tells its author: each guess it made about the structure, with the line of the source it
 * made it on, so that a reviewer can check exactly those places against the original.
 */

/** One guess, e.g. "took 'Security' as a heading". */
export interface ImportGuess {
  message: string;
  /** Text of the source line the guess is about, to find its line number in the source. */
  source?: string;
  /** 1-based line of the source, once known. */
  line?: number;
}

/** The guesses with their source line numbers, found in order (a repeated text is the next occurrence). */
export function locateGuesses(guesses: readonly ImportGuess[], sourceText: string): ImportGuess[] {
  const lines = sourceText.split(/\r\n?|\n/);
  let from = 0;
  return guesses.map((guess) => {
    if (guess.line !== undefined || !guess.source) return guess;
    const needle = guess.source.trim();
    if (needle === '') return guess;
    let index = lines.findIndex((line, i) => i >= from && line.includes(needle));
    if (index === -1) index = lines.findIndex((line) => line.includes(needle));
    if (index === -1) return guess;
    from = index;
    return { ...guess, line: index + 1 };
  });
}

/** A guess as the report prints it: "took 'Security' as a heading (line 31)". */
export function formatGuess(guess: ImportGuess): string {
  return guess.line === undefined ? guess.message : `${guess.message} (line ${guess.line})`;
}

/** Shortens a source text for a report line. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `'${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}'`;
}
