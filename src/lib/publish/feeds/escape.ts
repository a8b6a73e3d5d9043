/** Escaping shared by the feed, calendar and notice writers, so each format only says what it needs. */

// XML 1.0 forbids these code points even as character references (https://www.w3.org/TR/xml/#charsets),
// so a stray control character in a summary would make the whole feed unparseable. We drop them.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for XML and HTML content and double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Same as `escapeXml`; named for HTML call sites (notices, feed content) so intent reads clearly. */
export const escapeHtml = escapeXml;
