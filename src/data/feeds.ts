/** The change feeds, notices and calendars of the built site: the lib's builders fed with the site's documents. */
import { buildCalendar } from '../lib/publish/calendar.ts';
import { buildChangeFeed, type ChangeFeed, documentScope } from '../lib/publish/feeds/model.ts';
import { buildNotice, type Notice, noticesFor, type NoticeTarget } from '../lib/publish/notices.ts';
import { timeStage } from '../integrations/stage-timer.ts';
import { changeCountsFor, changeCountsLookup } from './change-counts.ts';
import { getLegalDocuments } from './documents.ts';
import { buildDate, site } from './site.ts';

// RSS, Atom and JSON Feed are three serialisations of one feed, and a notice's HTML and text of one notice:
// each is built once per build.
const feeds = new Map<string, Promise<ChangeFeed>>();
const notices = new Map<string, Promise<Notice>>();

/** The site-wide change feed, or the feed of one document, with change counts from the diff engine. */
export function getChangeFeed(document?: string): Promise<ChangeFeed> {
  let feed = feeds.get(document ?? '');
  if (!feed) {
    feed = (async () => {
      const documents = await getLegalDocuments();
      const changeCounts = await changeCountsLookup(documentScope(documents, document, 'getChangeFeed').documents);
      // Timed without the wait for the counts, which is the diff's time (in the diff workers, when they are on).
      return timeStage('feeds', () => buildChangeFeed({ documents, site, document, changeCounts }));
    })();
    feeds.set(document ?? '', feed);
  }
  return feed;
}

/** The iCalendar file of upcoming effective dates, site-wide or for one document, as of the build date. */
export async function getCalendar(document?: string): Promise<string> {
  const documents = await getLegalDocuments();
  return timeStage('feeds', () => buildCalendar({ documents, site, today: buildDate, document }));
}

/** Every material change that gets a ready-to-send notice. */
export async function getNoticeTargets(): Promise<NoticeTarget[]> {
  return noticesFor(await getLegalDocuments());
}

/** The notice of one material change, with its change counts. */
export function getNotice(target: NoticeTarget): Promise<Notice> {
  const key = `${target.document.slug}/${target.version.id}`;
  let notice = notices.get(key);
  if (!notice) {
    notice = changeCountsFor(target.document, target.version).then((changeCounts) => timeStage('feeds', () => buildNotice({ ...target, site, changeCounts })));
    notices.set(key, notice);
  }
  return notice;
}
