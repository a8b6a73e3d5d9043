/** The change feeds, notices and calendars of the built site: the lib's builders fed with the site's documents. */
import { buildCalendar } from '../lib/calendar.ts';
import { buildChangeFeed, type ChangeFeed } from '../lib/feeds/model.ts';
import { buildNotice, type Notice, noticesFor, type NoticeTarget } from '../lib/notices.ts';
import { timeStage } from '../lib/stage-timer.ts';
import { changeCountsFor, changeCountsLookup } from './change-counts.ts';
import { getLegalDocuments } from './documents.ts';
import { buildDate, site } from './site.ts';

/** The site-wide change feed, or the feed of one document, with change counts from the diff engine. */
export async function getChangeFeed(document?: string): Promise<ChangeFeed> {
  const documents = await getLegalDocuments();
  const scope = document === undefined ? documents : documents.filter((candidate) => candidate.slug === document);
  const changeCounts = await changeCountsLookup(scope);
  // Timed without the wait for the counts, which is the diff's time (in the diff workers, when they are on).
  return timeStage('feeds', () => buildChangeFeed({ documents, site, document, changeCounts }));
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
export async function getNotice(target: NoticeTarget): Promise<Notice> {
  const changeCounts = await changeCountsFor(target.document, target.version);
  return timeStage('feeds', () => buildNotice({ ...target, site, changeCounts }));
}
