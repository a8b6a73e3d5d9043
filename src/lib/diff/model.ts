// Types of the diff engine: the blocks extracted from one rendered version, the word tokens inside them,
// and the change model that renderers turn into HTML. Everything here is plain data (JSON-serialisable)
// because the browser receives each version's blocks as JSON and diffs any pair itself.

/**
 * A formatting mark on inline text: 'strong', 'em', 'code', 's', 'u', 'mark', 'sub', 'sup', or
 * `a:<href>` for a link target. Marks take part in equality, so a changed link target is a change.
 */
export type Mark = string;

/** A run of inline text with the marks that apply to all of it (sorted, no duplicates). */
export interface InlineRun {
  text: string;
  marks: Mark[];
}

/** One table cell of a table-row block. */
export interface Cell {
  /** true for `<th>`. */
  header: boolean;
  /** Plain text of the cell, whitespace collapsed. */
  text: string;
  inline: InlineRun[];
}

/** What kind of element a block came from. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-row'
  | 'quote'
  | 'code'
  | 'term'
  | 'definition'
  | 'caption';

/** One unit of a rendered document that the engine aligns and diffs: a heading, a paragraph, a row... */
export interface Block {
  /** Stable within one version (document order), e.g. `b-12`. Not comparable across versions. */
  id: string;
  kind: BlockKind;
  /** 1-6, only for headings. */
  level?: number;
  /** Id (slug) of the enclosing heading; a heading's section is its own id; '' before the first heading. */
  section: string;
  /** Text of that heading, for labels such as "moved from §Retention". */
  sectionTitle: string;
  /**
   * Wrappers from the outside in, e.g. ['aside.callout.callout-warning', 'ol']. Part of the block's
   * identity: a paragraph that moves into a warning callout reads differently, so it counts as changed.
   */
  context: string[];
  /** Id of the list or table the block belongs to within this version (e.g. `ol-2`, `table-1`). */
  container?: string;
  /** Nesting depth of a list item (1 = top-level list). */
  depth?: number;
  /** A numbered list item's number in its version (`<ol start>`, `<li value>`), so each side shows its own. */
  number?: number;
  /** Plain text; whitespace collapsed except in code. Table rows join their cells with ' | '. */
  text: string;
  /** Inline content with marks; empty for table rows (see cells). */
  inline: InlineRun[];
  /** Only for table rows. */
  cells?: Cell[];
  /** Language of a code block, when the HTML says so. */
  lang?: string;
}

/** A word, a punctuation mark or a CJK word, with the whitespace before it and its marks. */
export interface Token {
  /** Whitespace before the token ('' or ' ', any whitespace in code). */
  pre: string;
  text: string;
  marks: Mark[];
}

/**
 * One step of a word diff inside a block or cell. 'equal' tokens are identical on both sides; 'format'
 * tokens have the same words with other marks (made bold, link target changed): `tokens` is the new side,
 * `old` the same words as they were.
 */
export interface InlineOp {
  op: 'equal' | 'insert' | 'delete' | 'format';
  tokens: Token[];
  /** Only for 'format': the old side's tokens (same text and whitespace, other marks). */
  old?: Token[];
}

/** How one cell of a changed table row changed. */
export type CellChange =
  | { type: 'unchanged'; cell: Cell }
  /** `column`: the cell is in a column added to (or removed from) the whole table, not a cell of its own. */
  | { type: 'added'; cell: Cell; column?: true }
  | { type: 'removed'; cell: Cell; column?: true }
  | { type: 'changed'; old: Cell; new: Cell; ops: InlineOp[] };

/** The content edits inside a changed (or moved and edited) block. */
export interface BlockEdit {
  /** Word ops for non-table blocks; for table rows an empty array (see cells). */
  ops: InlineOp[];
  /** Cell by cell, only for table rows. */
  cells?: CellChange[];
  /** true when the word diff gave up (nothing in common, or longer than maxEditLength). */
  replaced: boolean;
  /** true when the wrapper context (callout, list type, quote) changed. */
  contextChanged: boolean;
}

interface EntryBase {
  /** Section of the block (new side when there is one, else old side). */
  section: string;
  sectionTitle: string;
}

/** A block that is the same in both versions. */
export interface UnchangedEntry extends EntryBase {
  type: 'unchanged';
  old: Block;
  new: Block;
}

/** A block only in the new version. */
export interface AddedEntry extends EntryBase {
  type: 'added';
  anchor: string;
  new: Block;
}

/** A block only in the old version. */
export interface RemovedEntry extends EntryBase {
  type: 'removed';
  anchor: string;
  old: Block;
}

/** A block edited in place. */
export interface ChangedEntry extends EntryBase {
  type: 'changed';
  anchor: string;
  old: Block;
  new: Block;
  edit: BlockEdit;
}

/**
 * Where a moved passage went (seen from its old place) or came from (seen from its new place), as a reader
 * names it: "moved down within § Retention", "moved to § Sharing", or, for a whole section, "moved down to
 * after § Your rights".
 */
export interface MovePlace {
  /** 'within' its own section; 'into' another section; 'after' a section: a whole section moved (it starts with its heading). */
  kind: 'within' | 'into' | 'after';
  /** 'down' when the passage is later in the new version, relative to the text around it. */
  direction: 'up' | 'down';
  /** The section named: own or other section, or for 'after' the section just before the place ('' = the start). */
  section: string;
  sectionTitle: string;
}

/** Where a moved block was (old position). Its partner `moved-to` entry has the same moveId. */
export interface MovedFromEntry extends EntryBase {
  type: 'moved-from';
  anchor: string;
  /** Shared by all blocks moved together (a whole section moves as one group). */
  moveId: string;
  /** Anchor of the partner moved-to entry, for "moved to" links. */
  pairAnchor: string;
  old: Block;
  /** Section (id and title) in the new version. */
  toSection: string;
  toSectionTitle: string;
  /** Where the passage went, for the label (the same for every block moved together). */
  to: MovePlace;
}

/** Where a moved block is now (new position), with any word edits made on the way. */
export interface MovedToEntry extends EntryBase {
  type: 'moved-to';
  anchor: string;
  moveId: string;
  pairAnchor: string;
  old: Block;
  new: Block;
  /** Edits inside the moved block; all-equal ops when it moved unchanged. */
  edit: BlockEdit;
  /** true when the block moved without any edit. */
  identical: boolean;
  fromSection: string;
  fromSectionTitle: string;
  /** Where the passage came from, for the label (the same for every block moved together). */
  from: MovePlace;
}

/** One entry of the change model. */
export type ChangeEntry =
  | UnchangedEntry
  | AddedEntry
  | RemovedEntry
  | ChangedEntry
  | MovedFromEntry
  | MovedToEntry;

/** Entries that are changes (everything but unchanged); each has an anchor `change-N`. */
export type ChangeEntryWithAnchor = Exclude<ChangeEntry, UnchangedEntry>;

/**
 * The result of diffBlocks: entries in reading order. Old-side entries (unchanged, removed, changed,
 * moved-from) keep the old version's order and new-side entries (unchanged, added, changed, moved-to)
 * keep the new version's order, so each side can be read back in full.
 */
export interface ChangeModel {
  entries: ChangeEntry[];
}

/** Counts of one summary (the whole document or one section). */
export interface ChangeCounts {
  blocksAdded: number;
  blocksRemoved: number;
  blocksChanged: number;
  blocksMoved: number;
  /** Words inserted: in added blocks and inside changed or moved blocks. */
  wordsAdded: number;
  /** Words deleted: in removed blocks and inside changed or moved blocks. */
  wordsRemoved: number;
  /** Words in moved blocks (new side). */
  wordsMoved: number;
}

/** Summary of a change model: totals and one line per section that changed, in reading order. */
export interface ChangeSummary {
  total: ChangeCounts;
  sections: Array<{ section: string; title: string; counts: ChangeCounts }>;
  /**
   * Number of changes: passages added, removed, changed and moved, a move counted once (where the passage is
   * now), so it is the sum of the block counts. The anchors (change-1..N) also mark a move's old place.
   */
  changes: number;
}
