// @joplin/turndown-plugin-gfm ships no type declarations; this is the part of its API we use.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  /** Tables, strikethrough and task lists (GitHub Flavored Markdown). */
  export const gfm: TurndownService.Plugin;
}
