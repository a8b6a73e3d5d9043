/**
 * Ready-to-send notices of material changes for the company's mailer, in plain text and HTML.
 * The HTML is a complete, self-contained document (no styles, scripts, images or other external resources),
 * because mail clients strip or block most of those anyway.
 */
import { daysBetween, formatDate } from '../content/dates.ts';
import { contactHref, isContactAddress } from '../content/schema.ts';
import { escapeHtml } from './feeds/escape.ts';
import { type ChangeCounts, compareUrlOf, describeChangeCounts, publishedWithPrevious, siteUrlOf } from './feeds/model.ts';
import { contentSecurityPolicy } from '../site/security.ts';
import type { SiteConfig } from '../site/config.ts';
import type { LegalDocument, Version } from '../content/types.ts';

/** A notice ready for a mailer: subject line, plain-text body and HTML body. */
export interface Notice {
  subject: string;
  text: string;
  html: string;
}

/** Input of `buildNotice`. */
export interface NoticeInput {
  document: LegalDocument;
  version: Version;
  /** The published version the change replaces; undefined only for a first version (no redline then). */
  previous: Version | undefined;
  site: SiteConfig;
  changeCounts?: ChangeCounts | undefined;
}

/** A (document, version) pair that gets a notice, with the version it replaces. */
export interface NoticeTarget {
  document: LegalDocument;
  version: Version;
  previous: Version | undefined;
}

function noticePhrase(days: number): string {
  return days === 1 ? "1 day's notice" : `${days} days' notice`;
}

/** The notice of `version` of `document`: what changes, when, how much notice, and links to the new text and the redline. */
export function buildNotice(input: NoticeInput): Notice {
  const { document, version, previous, site, changeCounts } = input;
  const effective = formatDate(version.effective);
  const announced = formatDate(version.published);
  const days = daysBetween(version.published, version.effective);
  const newUrl = siteUrlOf({ kind: 'version', document: document.slug, version: version.id }, site);
  const compareUrl = compareUrlOf(document, previous, version, site);
  const previousUrl = previous ? siteUrlOf({ kind: 'version', document: document.slug, version: previous.id }, site) : undefined;
  const contactText = document.contact || site.contact.email;
  // The rule document.yaml is checked with: only an e-mail address or an https URL becomes a link, never javascript:.
  const contact = { text: contactText, href: isContactAddress(contactText) ? contactHref(contactText) : undefined };

  const subject = `${site.siteName}: changes to our ${document.title}, effective ${effective}`;
  const intro = `We are changing our ${document.title}. The new version takes effect on ${effective}.`;
  const timing = days > 0 ? `We announced it on ${announced}, giving ${noticePhrase(days)}.` : `We announced it on ${announced}.`;
  const counts = changeCounts ? describeChangeCounts(changeCounts) : undefined;
  const summaryParagraphs = version.summary.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');

  const text = [
    intro,
    timing,
    `What changes\n\n${summaryParagraphs.join('\n\n')}`,
    ...(counts ? [`How much changed: ${counts}`] : []),
    `Read the new version:\n${newUrl}`,
    ...(compareUrl ? [`See every change, word by word:\n${compareUrl}`] : []),
    ...(previousUrl && previous ? [`The version in force until then (${formatDate(previous.effective)}):\n${previousUrl}`] : []),
    `Questions? Contact ${contact.text}.`,
    site.company,
  ].join('\n\n');

  const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(site.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The site's policy, as on every page: opened from the site, the notice can load nothing from elsewhere.
    // (Our constant, with no quote or angle bracket to escape.)
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(`Changes to our ${document.title}`)}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(timing)}</p>`,
    '<h2>What changes</h2>',
    ...summaryParagraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(counts ? [`<p>${escapeHtml(`How much changed: ${counts}`)}</p>`] : []),
    '<ul>',
    `<li>${link(newUrl, 'Read the new version')}</li>`,
    ...(compareUrl ? [`<li>${link(compareUrl, 'See every change, word by word')}</li>`] : []),
    ...(previousUrl && previous ? [`<li>${link(previousUrl, `The version in force until then (${formatDate(previous.effective)})`)}</li>`] : []),
    '</ul>',
    `<p>Questions? Contact ${contact.href ? link(contact.href, contact.text) : escapeHtml(contact.text)}.</p>`,
    `<p>${escapeHtml(site.company)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return { subject, text: `${text}\n`, html };
}

/** Every (document, version) that gets a notice: published material changes, with the published version each replaces. */
export function noticesFor(documents: readonly LegalDocument[]): NoticeTarget[] {
  return documents.flatMap((document) =>
    publishedWithPrevious(document)
      .filter(({ version }) => version.change === 'material')
      .map(({ version, previous }) => ({ document, version, previous })),
  );
}

/** The plain-text notice as a mailer takes it: a `Subject:` line, a blank line, then the body (RFC 5322 §2.1). */
export function plainTextMessage(notice: Pick<Notice, 'subject' | 'text'>): string {
  return `Subject: ${notice.subject}\n\n${notice.text}`;
}
