/** JSON Feed 1.1 writer for the change feed (https://www.jsonfeed.org/version/1.1/). */
import { type ChangeFeed, type FeedEntry, rfc3339 } from './model.ts';

/** The `_redline` extension on each item: what a tool needs to act on a change without scraping HTML. */
export interface RedlineItemExtension {
  /** JSON Feed extensions may say where they are documented (https://www.jsonfeed.org/version/1.1/#extensions-a-name-extensions-a). */
  about: string;
  document: string;
  version: string;
  effective: string;
  announced: string;
  change: FeedEntry['change'];
  previous_version: string | null;
  compare_url: string | null;
  sha256: string;
  /** Every sha256 the version has had, with its date and a correction's reason (as in the versions API). */
  sha256_history: FeedEntry['sha256History'];
}

function item(entry: FeedEntry, about: string) {
  const redline: RedlineItemExtension = {
    about,
    document: entry.document.slug,
    version: entry.version,
    effective: entry.effective,
    announced: entry.published,
    change: entry.change,
    // null rather than a missing key, so consumers can tell "first version" from "old feed without the field".
    previous_version: entry.previousVersion ?? null,
    compare_url: entry.compareUrl ?? null,
    sha256: entry.sha256,
    sha256_history: entry.sha256History,
  };
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    content_html: entry.contentHtml,
    content_text: entry.contentText,
    summary: entry.summary,
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    tags: [entry.change],
    _redline: redline,
  };
}

/** The change feed as a JSON Feed 1.1 document, with `feed_url` pointing at itself. */
export function buildJsonFeed(feed: ChangeFeed): string {
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.author.name, url: `mailto:${feed.author.email}` }],
    items: feed.entries.map((entry) => item(entry, feed.aboutUrl)),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
