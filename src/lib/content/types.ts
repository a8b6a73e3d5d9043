/** Kinds of change a version can make, as declared by its author in frontmatter. */
export type ChangeKind = 'initial' | 'material' | 'minor';

/** A dated correction to a published version's text, recorded in its frontmatter. */
export interface Correction {
  /** ISO date (YYYY-MM-DD) the correction was made. */
  date: string;
  /** Why the published text was corrected; shown on the version page. */
  reason: string;
}

/** One text a published version has had: the original, then one per recorded correction (from the lock). */
export interface VersionText {
  /** sha256 (hex) of the version's source file with this text. */
  sha256: string;
  /** The day this text was published: the announcement date for the original, the correction's date after. */
  date: string;
  /** Why the text was corrected (absent for the original). */
  reason?: string;
  /**
   * For a correction: the unified patch (jsdiff) from the previous text to this one, so the text a reader or
   * a consent record saw before the correction can be rebuilt from the current file and checked against its sha256.
   */
  patch?: string;
}

/** One version of one legal document. Dates are ISO calendar dates (YYYY-MM-DD). */
export interface Version {
  /** Slug of the document this version belongs to. */
  document: string;
  /** Version id: the file name, `YYYY-MM-DD` or `YYYY-MM-DD-<suffix>`. Never changes once published. */
  id: string;
  /** Date the version takes effect. */
  effective: string;
  /** Date the version was announced (published on the site). */
  published: string;
  change: ChangeKind;
  /** What changed and why, shown in the history and the feeds. */
  summary: string;
  draft: boolean;
  /** Brought in from the document's history before it was first published on this site (not witnessed here). */
  imported: boolean;
  corrections: Correction[];
  /** Path of the source file, relative to the project root (for error messages). */
  sourcePath: string;
  /** sha256 (hex) of the version's source file. */
  sha256: string;
  /** Every text the version has had, oldest first, when the lock knows them (set by the build's data layer). */
  texts?: VersionText[];
}

/** Metadata of a legal document, from `content/<document>/document.yaml`. */
export interface DocumentMeta {
  slug: string;
  title: string;
  description: string;
  /** Position on the home page, ascending. */
  order: number;
  /** Days of notice required before a material change takes effect. */
  noticeDays: number;
  /** Where readers send questions about this document (an e-mail address or URL). */
  contact: string;
}

/** A legal document with its versions, oldest first. */
export interface LegalDocument extends DocumentMeta {
  versions: Version[];
}

/** Where a version stands relative to a given date. */
export type VersionStatus = 'in-force' | 'upcoming' | 'past';

/** One problem in the content, precise enough for an author to fix it without asking. */
export interface ContentIssue {
  /** Path relative to the project root. */
  file: string;
  line?: number;
  /** 1-based column on `line`, when the rule knows it. */
  column?: number;
  /** The frontmatter or metadata field at fault, when there is one. */
  field?: string;
  message: string;
  /** What to do about it. */
  fix: string;
}
