import { type ContentFiles, documentFile, validContent, versionFile } from './content-fixtures.ts';

/**
 * Content that must never be built: code, third-party requests, broken links and text that reads differently
 * from how it is stored. Each case is applied to validContent() (tests/support/content-fixtures.ts) and names the
 * file, the line and words of the fix the check must report.
 */
export interface UnsafeContentCase {
  name: string;
  /** Files replaced or added (relative to the content folder); a Buffer is written as raw bytes. */
  change: Record<string, string | Buffer>;
  /** The file the issue names, relative to the content folder. */
  file: string;
  /** The line it names (omitted for folders). */
  line?: number;
  /** A phrase of the message. */
  message: RegExp;
  /** A phrase of the fix. */
  fix: RegExp;
}

const FILE = 'alpha/2024-06-01.mdx';
// alpha/2024-06-01.mdx with four frontmatter fields: the body's first line is line 8 of the file.
const BODY_LINE = 8;
const frontmatter = { effective: '2024-06-01', published: '2024-06-01', change: 'minor', summary: 'Fixed a typo in the scope section.' };
const alpha2 = (body: string, fields: Record<string, string> = {}) => versionFile({ ...frontmatter, ...fields }, body);

/** `text` as Word saves it in Windows-1252: curly quotes are the single bytes 0x93 and 0x94. */
function windows1252(text: string): Buffer {
  return Buffer.concat(text.split(/([\u201C\u201D])/u).map((part) => (part === '\u201C' ? Buffer.from([0x93]) : part === '\u201D' ? Buffer.from([0x94]) : Buffer.from(part, 'utf8'))));
}

/** A case whose bad text is on line `bodyLine` of the body (1-based) of alpha/2024-06-01.mdx. */
function bodyCase(name: string, body: string, bodyLine: number, message: RegExp, fix: RegExp): UnsafeContentCase {
  return { name, change: { [FILE]: alpha2(body) }, file: FILE, line: BODY_LINE + bodyLine - 1, message, fix };
}

const scope = '## Scope\n\nAlpha applies to every customer.\n\n';

/** Files of a case as validContent() plus its change, strings and raw bytes apart (writeContent writes strings). */
export function unsafeFiles(testCase: UnsafeContentCase): { files: ContentFiles; bytes: Record<string, Buffer> } {
  const files: ContentFiles = { ...validContent() };
  const bytes: Record<string, Buffer> = {};
  for (const [path, content] of Object.entries(testCase.change)) {
    if (typeof content === 'string') files[path] = content;
    else {
      delete files[path];
      bytes[path] = content;
    }
  }
  return { files, bytes };
}

/** Every kind of unsafe content the check refuses (and so the build). */
export const UNSAFE_CONTENT_CASES: UnsafeContentCase[] = [
  // Code: import/export and expressions.
  bodyCase('an import of a Node module', 'import fs from "node:fs"\n\n' + scope, 1, /import\/export is code/, /remove the line/),
  bodyCase('an import of package.json', `${scope}import pkg from "../../package.json"\n\nText.\n`, 5, /import\/export is code/, /remove the line/),
  bodyCase('an import of /etc/passwd', "import x from '../../../etc/passwd'\n\n" + scope, 1, /import\/export is code/, /remove the line/),
  bodyCase('an export', `${scope}export const fee = 10\n`, 5, /import\/export is code/, /remove the line/),
  bodyCase('process.env in a paragraph', `${scope}Your home is {process.env.HOME}.\n`, 5, /\{process\.env\.HOME\} is a JavaScript expression/, /write \\\{/),
  bodyCase('a secret as a block expression', `${scope}{process.env.SOME_TOKEN}\n`, 5, /SOME_TOKEN\} is a JavaScript expression/, /write \\\{/),
  bodyCase('a literal brace in prose', `${scope}Fees are charged in {currency}.\n`, 5, /\{currency\} is a JavaScript expression/, /&#123;/),
  bodyCase('an expression in a heading', '## Fees {new Date().getFullYear()}\n\nText.\n', 1, /JavaScript expression/, /write \\\{/),
  bodyCase('an expression attribute on DocLink', `${scope}See <DocLink doc={"beta"}>beta</DocLink>.\n`, 5, /attribute doc=\{…\} is code/, /doc="\.\.\."/),
  bodyCase('a spread attribute', `${scope}<Callout {...props}>Note.</Callout>\n`, 5, /spread attribute/, /name="value"/),
  bodyCase('a JSX fragment', `${scope}<>Text</>\n`, 5, /JSX fragment/, /remove the <>/),
  // Components.
  bodyCase('an unknown component', `${scope}<Banner>Sale!</Banner>\n`, 5, /unknown component <Banner>/, /<Callout>, <DocLink>/),
  bodyCase('a member-expression component', `${scope}<Foo.Bar />\n`, 5, /unknown component <Foo\.Bar>/, /<Callout>/),
  bodyCase('a Callout with an unknown type', `${scope}<Callout type="danger">Careful.</Callout>\n`, 5, /type="danger" is not one of note, important, warning/, /type="note"/),
  bodyCase('a Callout with an unknown attribute', `${scope}<Callout kind="note">Careful.</Callout>\n`, 5, /does not take the attribute kind/, /type, title/),
  bodyCase('a DocLink without doc', `${scope}See <DocLink>the terms</DocLink>.\n`, 5, /needs a doc attribute/, /add doc=/),
  // HTML.
  bodyCase('a script element', `${scope}<script>alert(1)</script>\n`, 5, /<script> is not allowed/, /remove it/),
  bodyCase('an iframe', `${scope}<iframe src="https://evil.example/"></iframe>\n`, 5, /<iframe> is not allowed/, /remove it/),
  bodyCase('an object element', `${scope}<object data="https://evil.example/x.swf"></object>\n`, 5, /<object> is not allowed/, /remove it/),
  bodyCase('an embed element', `${scope}<embed src="https://evil.example/x.pdf" />\n`, 5, /<embed> is not allowed/, /remove it/),
  bodyCase('a form', `${scope}<form action="https://evil.example/"><input name="q" /></form>\n`, 5, /<form> is not allowed/, /remove it/),
  bodyCase('a style element', `${scope}<style>p</style>\n`, 5, /<style> is not allowed/, /remove it/),
  bodyCase('an onclick attribute', `${scope}<p onclick="alert(1)">Text</p>\n`, 5, /event handler onclick/, /remove the attribute/),
  bodyCase('an onmouseover attribute', `${scope}<span onmouseover="steal()">x</span>\n`, 5, /event handler onmouseover/, /remove the attribute/),
  bodyCase('an onerror attribute on an image', `${scope}<img src="./missing.png" onerror="alert(1)" />\n`, 5, /event handler onerror/, /remove the attribute/),
  bodyCase('a style attribute', `${scope}<span style="color:red">red</span>\n`, 5, /style attribute/, /remove it/),
  bodyCase('an HTML heading', `${scope}<h2>Raw heading</h2>\n`, 5, /<h2> headings are not allowed in HTML/, /## Heading/),
  bodyCase('an element outside the allowlist', `${scope}<marquee>Hello</marquee>\n`, 5, /<marquee> is not in the HTML a version may use/, /<table>/),
  // Link schemes.
  bodyCase('a javascript: Markdown link', `${scope}[click](javascript:alert(1))\n`, 5, /javascript: scheme/, /https:, http:, mailto:, tel:/),
  bodyCase('a JavaScript: link in mixed case', `${scope}[click](JaVaScRiPt:alert(1))\n`, 5, /javascript: scheme/, /https:/),
  bodyCase('a data: link', `${scope}[open](data:text/html;base64,PHNjcmlwdD4=)\n`, 5, /data: scheme/, /https:/),
  bodyCase('a javascript: raw <a href>', `${scope}<a href="javascript:alert(1)">click</a>\n`, 5, /javascript: scheme/, /https:/),
  bodyCase('a vbscript: reference definition', `${scope}[click][x]\n\n[x]: vbscript:msgbox\n`, 7, /vbscript: scheme/, /https:/),
  // Third-party requests.
  bodyCase('an external Markdown image', `${scope}![pixel](https://tracker.example/p.gif)\n`, 5, /loaded from another site/, /save the image in/),
  bodyCase('an external <img>', `${scope}<img src="https://tracker.example/p.gif" alt="" />\n`, 5, /loaded from another site/, /save the image in/),
  bodyCase('a protocol-relative image', `${scope}![logo](//cdn.example/logo.png)\n`, 5, /loaded from another site/, /save the image in/),
  bodyCase('an external reference-style image', `${scope}![logo][l]\n\n[l]: https://cdn.example/logo.png\n`, 7, /loaded from another site/, /save the image in/),
  bodyCase('a local image as an <img> tag (its file would not be published)', `${scope}<img src="./diagram.png" alt="Diagram" />\n`, 5, /published only when written in Markdown/, /!\[description\]\(\.\/diagram\.png\)/),
  bodyCase('an image outside the document folder', `${scope}![x](../../../etc/passwd.png)\n`, 5, /is not an image file in/, /save the image/),
  // Links that break under a base path or point nowhere.
  bodyCase('a titled root-relative link', `${scope}See [our terms](/beta/ "Beta terms").\n`, 5, /root-relative link "\/beta\/"/, /<DocLink doc="slug"/),
  bodyCase('a reference-style root-relative link', `${scope}See [our terms][terms].\n\n[terms]: /beta/\n`, 7, /root-relative link "\/beta\/"/, /<DocLink/),
  bodyCase('a relative link', `${scope}See [cookies](../beta/).\n`, 5, /relative link "\.\.\/beta\/"/, /<DocLink/),
  bodyCase('a raw <a href> root-relative', `${scope}See <a href="/beta/">the terms</a>.\n`, 5, /root-relative link "\/beta\/"/, /<DocLink/),
  bodyCase('a protocol-relative link', `${scope}See [x](//evil.example/).\n`, 5, /has no scheme/, /https:\/\/evil\.example/),
  bodyCase('a DocLink to a misspelt document', `${scope}See <DocLink doc="bta">beta</DocLink>.\n`, 5, /doc="bta"> links to a document that does not exist/, /alpha, beta/),
  bodyCase('a DocLink section that does not exist', `${scope}See <DocLink doc="beta" section="liability">beta</DocLink>.\n`, 5, /has no such section/, /scope/),
  bodyCase('a DocLink section written with #', `${scope}See <DocLink doc="beta" section="#scope">beta</DocLink>.\n`, 5, /starts with #/, /section="scope"/),
  bodyCase('an in-page link to a missing anchor', `${scope}See [retention](#retension).\n`, 5, /points to an anchor this version does not have/, /#scope/),
  // Headings.
  bodyCase('a heading of punctuation', `${scope}## !!!\n\nText.\n`, 5, /has no letter or digit/, /give the heading words/),
  bodyCase('a heading of an emoji', `${scope}## 🎉\n\nText.\n`, 5, /has no letter or digit/, /give the heading words/),
  // Characters.
  bodyCase('a control character', `${scope}Bell\u0007 here.\n`, 5, /control character U\+0007/, /delete the character/),
  bodyCase('a right-to-left override', `${scope}Fee: \u202E01$\n`, 5, /bidirectional control character U\+202E/, /delete the character/),
  bodyCase('a lone carriage return', `${scope}One\rtwo.\n`, 5, /control character U\+000D/, /delete the character/),
  {
    name: 'a bidi isolate in the summary',
    change: { [FILE]: alpha2('## Scope\n\nText.\n', { summary: 'Fixed a typo \u2066in the scope section.' }) },
    file: FILE,
    line: 5,
    message: /bidirectional control character U\+2066/,
    fix: /delete the character/,
  },
  {
    name: 'a Windows-1252 file (curly quotes from Word)',
    change: { [FILE]: windows1252(alpha2('## Scope\n\nThe \u201Cservice\u201D applies.\n')) },
    file: FILE,
    line: 10,
    message: /not UTF-8/,
    fix: /save the file as UTF-8/,
  },
  {
    name: 'a UTF-8 file with a byte-order mark (Windows Notepad)',
    change: { [FILE]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(alpha2(scope), 'utf8')]) },
    file: FILE,
    line: 1,
    message: /byte-order mark/,
    fix: /without BOM/,
  },
  // MDX the compiler cannot read: the check says so first, with the compiler's line.
  bodyCase('an unclosed Callout', `${scope}<Callout type="note">\n\nAn unclosed callout.\n`, 5, /MDX cannot be read/, /close every tag/),
  bodyCase('an HTML comment', `${scope}<!-- internal note -->\n`, 5, /MDX cannot be read/, /\\</),
  bodyCase('an autolink', `${scope}Write to <https://example.com/form>.\n`, 5, /MDX cannot be read/, /\\</),
  // Frontmatter read differently by the compiler.
  {
    name: 'a wrapped summary with a line starting with +++',
    change: { [FILE]: `---\neffective: 2024-06-01\npublished: 2024-06-01\nchange: minor\nsummary: "Raises the limit from 10 to\n+++ 20 requests a second."\n---\n\n## Scope\n\nText.\n` },
    file: FILE,
    line: 6,
    message: /ends the frontmatter for the MDX compiler/,
    fix: /rewrap the text/,
  },
  // document.yaml and folders.
  {
    name: 'a javascript: contact',
    change: { 'beta/document.yaml': documentFile({ title: 'Beta Terms', description: 'The beta terms.', order: 2, noticeDays: 14, contact: 'javascript:alert(1)' }) },
    file: 'beta/document.yaml',
    line: 5,
    message: /must be an e-mail address .* or an https:\/\/ URL/,
    fix: /correct "contact"/,
  },
  {
    name: 'a bidi override in document.yaml',
    change: { 'beta/document.yaml': documentFile({ title: 'Beta \u202ETerms', description: 'The beta terms.', order: 2, noticeDays: 14, contact: 'beta@example.com' }) },
    file: 'beta/document.yaml',
    line: 1,
    message: /bidirectional control character U\+202E/,
    fix: /delete the character/,
  },
  {
    name: 'a folder named like a version file',
    change: { 'alpha/2026-01-20.mdx/notes.txt': 'draft notes' },
    file: 'alpha/2026-01-20.mdx',
    message: /this is a folder, not a version file/,
    fix: /remove the folder/,
  },
  {
    name: 'versions in a dot-folder inside a document',
    change: { 'alpha/.archive/2023-01-01.mdx': versionFile({ ...frontmatter, effective: '2023-01-01', published: '2023-01-01' }) },
    file: 'alpha/.archive',
    message: /folders whose name starts with "\." are not read/,
    fix: /rename the folder/,
  },
  {
    name: 'a document in a dot-folder',
    change: { '.gamma/document.yaml': documentFile({ title: 'Gamma', description: 'Gamma.', order: 3, noticeDays: 0, contact: 'g@example.com' }) },
    file: '.gamma',
    message: /folders whose name starts with "\." are not read/,
    fix: /rename the folder/,
  },
];
