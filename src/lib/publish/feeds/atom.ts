/** Atom 1.0 writer for the change feed (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287). */
import { escapeXml } from './escape.ts';
import { type ChangeFeed, type FeedEntry, rfc3339 } from './model.ts';

function entry(item: FeedEntry): string {
  return [
    '  <entry>',
    // atom:id must be a permanent IRI (RFC 4287 §4.2.6): the version permalink.
    `    <id>${escapeXml(item.id)}</id>`,
    `    <title type="text">${escapeXml(item.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
    item.compareUrl ? `    <link rel="related" type="text/html" title="Compare with the previous version" href="${escapeXml(item.compareUrl)}"/>` : '',
    `    <published>${rfc3339(item.published)}</published>`,
    `    <updated>${rfc3339(item.updated)}</updated>`,
    `    <category term="${escapeXml(item.change)}"/>`,
    `    <summary type="text">${escapeXml(item.summary)}</summary>`,
    // type="html": escaped HTML (RFC 4287 §3.1.1.2), which needs no XHTML namespace juggling.
    `    <content type="html">${escapeXml(item.contentHtml)}</content>`,
    '  </entry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The change feed as an Atom 1.0 document, with a rel="self" link (RFC 4287 §4.2.7.2). */
export function buildAtomFeed(feed: ChangeFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.description)}</subtitle>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    // A feed-level author makes every entry valid without its own (RFC 4287 §4.1.1).
    `  <author><name>${escapeXml(feed.author.name)}</name><email>${escapeXml(feed.author.email)}</email></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
