import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../../src/lib/import/placeholders.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';

describe('findPlaceholders', () => {
  it('finds every placeholder with its line, offset by where the body starts', () => {
    const body = 'Intro.\n\nFrom [INSERT DATE], [LEGAL ENTITY NAME] applies.\n\nTODO: appeal.\n';
    expect(findPlaceholders(body, DEFAULT_PLACEHOLDERS, 7)).toEqual([
      { line: 9, text: '[INSERT DATE]' },
      { line: 9, text: '[LEGAL ENTITY NAME]' },
      { line: 11, text: 'TODO' },
    ]);
  });

  it('uses the configured list, not a built-in one', () => {
    expect(findPlaceholders('XXX and TODO', ['XXX'])).toEqual([{ line: 1, text: 'XXX' }]);
  });
});
