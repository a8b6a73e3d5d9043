/**
 * The synthetic corpus of `npm run bench`: documents x versions x words of legal-sounding MDX, with the kinds
 * of edits real policies get between versions (reworded sentences, paragraphs and list items added or removed,
 * a table row added, now and then a moved section), valid for the build's content rules and locked.
 *
 * Deterministic: the same options give the same bytes. Generation is prefix-stable, so a corpus with one more
 * version per document holds the same first files (the incremental-rebuild measurement relies on it).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCK_FILE, readContentTree } from '../../src/lib/content/files.ts';
import { addDays } from '../../src/lib/content/dates.ts';
import { emptyLock, serializeLock, updateLock } from '../../src/lib/content/lock.ts';
import { DEFAULT_PLACEHOLDERS } from '../../src/lib/site/config.ts';
import { validateContent } from '../../src/lib/content/validation.ts';

/** Size and seed of a corpus. */
export interface CorpusOptions {
  documents: number;
  versions: number;
  /** Words per version, roughly (within a few percent). */
  words: number;
  seed: number;
}

/** A generated corpus: relative path -> file text (no lock file), and the build date it is meant to be built as of. */
export interface Corpus {
  files: Record<string, string>;
  /** A REDLINE_NOW at which some versions are in force and the newest ones are announced but upcoming. */
  now: string;
}

/** Days of notice every synthetic document promises for material changes. */
export const CORPUS_NOTICE_DAYS = 30;

const FIRST_EFFECTIVE = '2019-01-07';

const SLUGS = ['privacy', 'terms', 'cookies', 'subprocessors', 'acceptable-use', 'data-processing', 'refunds', 'security', 'accessibility', 'community'];

// Plain words only: nothing MDX would read as syntax, and nothing the placeholder rules refuse.
const WORDS = (
  'account address agreement applicable authority billing business calendar change charge claim company compliance ' +
  'confidential consent contact content contract controller cookie customer data date deletion device disclosure dispute ' +
  'document duration email employee encryption entity event evidence export fee feature form fraud government guidance ' +
  'incident information instruction interest invoice jurisdiction law lawful liability licence limit marketing measure ' +
  'member message method notice obligation offer operator order partner party payment period permission person plan ' +
  'platform policy portal practice preference processor product profile provider purpose record region regulation ' +
  'request requirement retention review right risk safeguard schedule section security service session settlement ' +
  'signature software statement storage subscription supplier support system term territory transfer user vendor warranty ' +
  'website withdrawal year access accurate additional annual automated available reasonable relevant secure separate ' +
  'specific standard suitable technical written we you our your its their this that these each any every all such other ' +
  'the the the of of of and and and to to to in in for for with with by on on as may may must will shall can is are be ' +
  'not only also where when if unless under within after before during about from into through between without against ' +
  'collect use keep share delete update provide process store protect review notify request receive apply rely explain ' +
  'describe limit transfer retain disclose correct restrict object withdraw complain inform ensure maintain agree'
).split(' ');

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type Part =
  | { kind: 'p'; sentences: string[] }
  | { kind: 'ul'; items: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'callout'; title: string; sentences: string[] };
interface Section {
  title: string;
  parts: Part[];
}

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const capitalise = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function sentence(rand: Random): string {
  const n = 10 + Math.floor(rand() * 14);
  return `${capitalise(Array.from({ length: n }, () => pick(rand, WORDS)).join(' '))}.`;
}

const sentences = (rand: Random, min: number, spread: number): string[] => Array.from({ length: min + Math.floor(rand() * spread) }, () => sentence(rand));

function tableRow(rand: Random, n: number): string[] {
  return [`${capitalise(pick(rand, WORDS))} ${capitalise(pick(rand, WORDS))} ${n}`, capitalise(`${pick(rand, WORDS)} ${pick(rand, WORDS)} ${pick(rand, WORDS)}`), pick(rand, ['EU', 'UK', 'US', 'CA', 'JP'])];
}

function partWords(part: Part): number {
  const count = (texts: readonly string[]) => texts.reduce((sum, text) => sum + text.split(' ').length, 0);
  if (part.kind === 'p' || part.kind === 'callout') return count(part.sentences);
  if (part.kind === 'ul') return count(part.items);
  return count(part.rows.map((row) => row.join(' ')));
}

const sectionWords = (sections: readonly Section[]): number => sections.reduce((sum, s) => sum + s.parts.reduce((n, p) => n + partWords(p), 0), 0);

function newPart(rand: Random): Part {
  return rand() < 0.25 ? { kind: 'ul', items: sentences(rand, 3, 4) } : { kind: 'p', sentences: sentences(rand, 2, 4) };
}

function firstVersion(rand: Random, words: number): Section[] {
  const sections: Section[] = [];
  const titles = new Set<string>();
  let total = 0;
  while (total < words) {
    let title = '';
    do title = capitalise(`${pick(rand, WORDS)} ${pick(rand, WORDS)} ${pick(rand, WORDS)}`);
    while (titles.has(title));
    titles.add(title);
    const section: Section = { title, parts: [] };
    const n = 2 + Math.floor(rand() * 4);
    for (let k = 0; k < n && total < words; k++) {
      const part: Part =
        sections.length === 2 && k === 0
          ? { kind: 'table', rows: Array.from({ length: 6 }, (_, row) => tableRow(rand, row + 1)) }
          : sections.length === 1 && k === 1
            ? { kind: 'callout', title: capitalise(`${pick(rand, WORDS)} ${pick(rand, WORDS)}`), sentences: sentences(rand, 1, 2) }
            : newPart(rand);
      section.parts.push(part);
      total += partWords(part);
    }
    sections.push(section);
  }
  return sections;
}

/** Edits one version into the next: about 3-8% of the words change. Returns a new model; the old one is untouched. */
function nextVersion(rand: Random, previous: readonly Section[], words: number): Section[] {
  const sections: Section[] = previous.map((s) => ({ title: s.title, parts: s.parts.map((p) => structuredClone(p)) }));
  const reword = (text: string): string => {
    if (rand() >= 0.03) return text;
    const tokens = text.replace(/\.$/, '').split(' ');
    const edits = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < edits; k++) tokens[Math.floor(rand() * tokens.length)] = pick(rand, WORDS);
    return `${capitalise(tokens.join(' '))}.`;
  };
  for (const section of sections) {
    for (const part of section.parts) {
      if (part.kind === 'p' || part.kind === 'callout') part.sentences = part.sentences.map(reword);
      else if (part.kind === 'ul') part.items = part.items.map(reword);
    }
  }
  const randomSection = () => pick(rand, sections);
  // Every version rewords at least one sentence, so no two versions are the same text.
  const paragraphs = sections.flatMap((section) => section.parts.filter((part) => part.kind === 'p'));
  if (paragraphs.length > 0) {
    const paragraph = pick(rand, paragraphs);
    const at = Math.floor(rand() * paragraph.sentences.length);
    paragraph.sentences[at] = `${capitalise(`${pick(rand, WORDS)} ${pick(rand, WORDS)}`)} ${(paragraph.sentences[at] ?? '').toLowerCase()}`;
  }
  // A paragraph added, and one removed when the text has grown past its size.
  if (rand() < 0.8) {
    const section = randomSection();
    section.parts.splice(Math.floor(rand() * (section.parts.length + 1)), 0, { kind: 'p', sentences: sentences(rand, 2, 3) });
  }
  if (rand() < 0.5 || sectionWords(sections) > words * 1.05) {
    const section = randomSection();
    const at = section.parts.findIndex((part) => part.kind === 'p');
    if (at !== -1 && section.parts.length > 1) section.parts.splice(at, 1);
  }
  const lists = sections.flatMap((section) => section.parts.filter((part) => part.kind === 'ul'));
  if (lists.length > 0 && rand() < 0.6) {
    const list = pick(rand, lists);
    list.items.splice(Math.floor(rand() * (list.items.length + 1)), 0, sentence(rand));
  }
  if (lists.length > 0 && rand() < 0.3) {
    const list = pick(rand, lists);
    if (list.items.length > 2) list.items.splice(Math.floor(rand() * list.items.length), 1);
  }
  const table = sections.flatMap((section) => section.parts).find((part) => part.kind === 'table');
  if (table && rand() < 0.4) table.rows.push(tableRow(rand, table.rows.length + 1));
  if (sections.length > 3 && rand() < 0.15) {
    const [moved] = sections.splice(1 + Math.floor(rand() * (sections.length - 1)), 1);
    if (moved) sections.splice(1 + Math.floor(rand() * (sections.length - 1)), 0, moved);
  }
  return sections;
}

function toMdx(sections: readonly Section[], link: string | undefined): string {
  const out: string[] = [];
  sections.forEach((section, index) => {
    out.push(`## ${section.title}`);
    for (const part of section.parts) {
      if (part.kind === 'p') out.push(part.sentences.join(' '));
      else if (part.kind === 'ul') out.push(part.items.map((item) => `- ${item}`).join('\n'));
      else if (part.kind === 'table') out.push(['| Name | Purpose | Region |', '| --- | --- | --- |', ...part.rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
      else out.push(`<Callout type="note" title="${part.title}">\n\n${part.sentences.join(' ')}\n\n</Callout>`);
    }
    if (index === 0 && link) out.push(`This document works together with <DocLink doc="${link}">our ${link.replace(/-/g, ' ')} document</DocLink>.`);
  });
  return `${out.join('\n\n')}\n`;
}

/** Slug of the n-th synthetic document (0-based). */
export function corpusSlug(index: number): string {
  return index < SLUGS.length ? (SLUGS[index] as string) : `policy-${index + 1}`;
}

interface GeneratedVersion {
  id: string;
  published: string;
  source: string;
}

function generateDocument(index: number, options: CorpusOptions): GeneratedVersion[] {
  const rand = seededRandom(options.seed * 1000 + index);
  const link = options.documents > 1 ? corpusSlug((index + 1) % options.documents) : undefined;
  const out: GeneratedVersion[] = [];
  let model: Section[] = [];
  let effective = addDays(FIRST_EFFECTIVE, index * 3);
  for (let v = 0; v < options.versions; v++) {
    model = v === 0 ? firstVersion(rand, options.words) : nextVersion(rand, model, options.words);
    if (v > 0) effective = addDays(effective, 40 + Math.floor(rand() * 40));
    const change = v === 0 ? 'initial' : rand() < 0.4 ? 'material' : 'minor';
    const published = change === 'minor' ? addDays(effective, -Math.floor(rand() * 5)) : addDays(effective, -(CORPUS_NOTICE_DAYS + Math.floor(rand() * 10)));
    const summary = change === 'initial' ? 'First version of this document.' : change === 'material' ? `Version ${v + 1}: changes to what we do, announced ahead of time.` : `Version ${v + 1}: wording and clarity changes only.`;
    const frontmatter = `---\neffective: ${effective}\npublished: ${published}\nchange: ${change}\nsummary: "${summary}"\n---\n\n`;
    out.push({ id: effective, published, source: frontmatter + toMdx(model, link) });
  }
  return out;
}

/** The corpus for `options`: every document's metadata and versions. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const files: Record<string, string> = {};
  let now = '';
  for (let d = 0; d < options.documents; d++) {
    const slug = corpusSlug(d);
    files[`${slug}/document.yaml`] = [
      `title: "${capitalise(slug.replace(/-/g, ' '))} policy"`,
      `description: "Synthetic ${slug.replace(/-/g, ' ')} policy of the benchmark corpus."`,
      `order: ${d + 1}`,
      `noticeDays: ${CORPUS_NOTICE_DAYS}`,
      `contact: "legal@example.com"`,
      '',
    ].join('\n');
    const versions = generateDocument(d, options);
    for (const version of versions) files[`${slug}/${version.id}.mdx`] = version.source;
    // Built as of the day the first document's newest version is announced: usually not yet in force.
    if (d === 0) now = (versions.at(-1) as GeneratedVersion).published;
  }
  return { files, now };
}

/** Writes `corpus` into `dir` (emptied first) with a lock file recording every version, as `npm run lock` would. */
export function writeCorpus(dir: string, corpus: Corpus): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(corpus.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeLock(dir);
}

/** (Re)writes the lock file of the content folder `dir` from its versions. */
export function writeLock(dir: string): void {
  const { documents } = validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true });
  writeFileSync(join(dir, LOCK_FILE), serializeLock(updateLock(documents, emptyLock(), { today: '2026-11-23', recordedOn: (version) => version.published }).lock));
}
