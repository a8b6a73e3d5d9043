/**
 * Unfinished text that must never be published: placeholders left by a template, a Word mail merge or an
 * author ([JURISDICTION], {{company_name}}, «CompanyName», XXXX, ______, TODO, lorem ipsum), and summaries
 * that say nothing. Patterns come from redline.config.ts (`placeholders`), exceptions from `placeholderAllow`.
 */
import type { ContentIssue } from './types.ts';

/**
 * Turns a configured pattern into a regular expression: `/source/flags` as written, anything else as a
 * case-insensitive expression (the configuration's original form).
 */
export function placeholderRegex(pattern: string, extraFlags = ''): RegExp {
  const literal = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  const [source, flags] = literal ? [literal[1] ?? '', literal[2] ?? ''] : [pattern, 'i'];
  return new RegExp(source, [...new Set(`${flags}${extraFlags}`)].join(''));
}

/** A pattern searched for in a whole text (see findPlaceholderMatches): lines' ends for ^ and $, never sticky. */
function anywhereRegex(pattern: string): RegExp {
  const regex = placeholderRegex(pattern, 'm');
  return regex.sticky ? new RegExp(regex.source, regex.flags.replace('y', '')) : regex;
}

// A Markdown thematic break (---, ***, ___) is a rule, not a blank to fill in.
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;

/** One placeholder found: where (0-based line of `text`) and what. */
export interface PlaceholderMatch {
  line: number;
  text: string;
}

/** Every placeholder in `text`, line by line, except the allowed terms (exact matches). */
export function findPlaceholderMatches(text: string, patterns: readonly string[], allow: readonly string[] = []): PlaceholderMatch[] {
  // Most texts have none: one search of the whole text per pattern (`m`, so ^ and $ still mean a line's ends)
  // finds whatever a line-by-line search would, and more (a match may run over a line end), so the line-by-line
  // search below, which is what decides, runs only when this finds something. Line by line, it cost 0.7 s on the
  // 300 versions of 5,000 words of the bench corpus.
  if (!patterns.some((pattern) => anywhereRegex(pattern).test(text))) return [];
  const regexes = patterns.map((pattern) => placeholderRegex(pattern, 'g'));
  const allowed = new Set(allow);
  const found: PlaceholderMatch[] = [];
  text.split('\n').forEach((line, index) => {
    if (THEMATIC_BREAK.test(line)) return;
    const hits = regexes.flatMap((regex) => [...line.matchAll(regex)].map((match) => ({ at: match.index, text: match[0] })));
    // Patterns overlap ([INSERT DATE] is also a bracketed run of capitals): each place is reported once, longest match first.
    let end = -1;
    for (const hit of hits.sort((a, b) => a.at - b.at || b.text.length - a.text.length)) {
      if (hit.text === '' || hit.at < end) continue;
      end = hit.at + hit.text.length;
      if (!allowed.has(hit.text)) found.push({ line: index, text: hit.text });
    }
  });
  return found;
}

/** Where the placeholder rules look in one version or document, with the field and first line of each text. */
export interface PlaceholderTarget {
  file: string;
  field: string;
  text: string;
  /** 1-based line of the text's first line in the file, when known. */
  line?: number | undefined;
}

/** A placeholder issue for each match in each target. */
export function placeholderIssues(targets: readonly PlaceholderTarget[], patterns: readonly string[], allow: readonly string[], fix: string): ContentIssue[] {
  return targets.flatMap((target) =>
    findPlaceholderMatches(target.text, patterns, allow).map((match) => ({
      file: target.file,
      ...(target.line !== undefined ? { line: target.line + match.line } : {}),
      field: target.field,
      message: `placeholder "${match.text}" left in ${target.field === 'body' ? 'a version that is not a draft' : `"${target.field}"`}`,
      fix: `${fix}; if "${match.text}" is meant literally, add it to placeholderAllow in redline.config.ts`,
    })),
  );
}

/** Why a summary says nothing ("..........", "-", "TBD."), or undefined when it says something. */
export function emptySummaryReason(summary: string): string | undefined {
  const words = summary.match(/\p{L}{2,}/gu) ?? [];
  return words.length < 2 ? `the summary "${summary}" does not say what changed` : undefined;
}
