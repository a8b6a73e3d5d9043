/** RSS 2.0 writer for the change feed (https://www.rssboard.org/rss-specification). */
import { dateAtMidnightUtc } from '../../content/dates.ts';
import { escapeXml } from './escape.ts';
import type { ChangeFeed, FeedEntry } from './model.ts';

// RSS dates are RFC 822 (https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt);
// toUTCString() writes exactly that form with a four-digit year, as the RSS Board profile recommends.
function rfc822(date: string): string {
  return dateAtMidnightUtc(date).toUTCString();
}

function item(entry: FeedEntry): string {
  return [
    '    <item>',
    `      <title>${escapeXml(entry.title)}</title>`,
    `      <link>${escapeXml(entry.url)}</link>`,
    // The guid is the permanent version URL, so it is a permalink (https://www.rssboard.org/rss-specification#ltguidgtSubelementOfLtitemgt).
    `      <guid isPermaLink="true">${escapeXml(entry.id)}</guid>`,
    `      <pubDate>${rfc822(entry.published)}</pubDate>`,
    `      <category>${escapeXml(entry.change)}</category>`,
    // description holds entity-encoded HTML, which every reader understands; escaping (not CDATA) stays
    // correct even if the text contains "]]>".
    `      <description>${escapeXml(entry.contentHtml)}</description>`,
    '    </item>',
  ].join('\n');
}

/** The change feed as an RSS 2.0 document, with an atom:link rel="self" as the RSS Board advises. */
export function buildRssFeed(feed: ChangeFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.homeUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <language>${escapeXml(feed.language)}</language>`,
    `    <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    '    <docs>https://www.rssboard.org/rss-specification</docs>',
    `    <atom:link href="${escapeXml(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...feed.entries.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
