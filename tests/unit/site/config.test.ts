import { describe, expect, it } from 'vitest';
import { publisherLine, resolveSiteConfig, type SiteConfigInput } from '../../../src/lib/site/config.ts';

const input: SiteConfigInput = { company: 'Acme Ltd', siteName: 'Acme Legal', siteUrl: 'https://legal.acme.example', contact: { email: 'legal@acme.example' } };

describe('resolveSiteConfig', () => {
  it('fills defaults', () => {
    const config = resolveSiteConfig(input);
    expect(config.basePath).toBe('/');
    expect(config.placeholders.length).toBeGreaterThan(3);
  });
  it('lets SITE_URL and BASE_PATH override the file', () => {
    const config = resolveSiteConfig(input, { SITE_URL: 'https://example.com', BASE_PATH: 'legal' });
    expect(config.siteUrl).toBe('https://example.com');
    expect(config.basePath).toBe('/legal/');
  });
  it('takes the base path from a SITE_URL with a path', () => {
    const config = resolveSiteConfig(input, { SITE_URL: 'https://example.com/legal/' });
    expect(config).toMatchObject({ siteUrl: 'https://example.com', basePath: '/legal/' });
  });
  it('rejects an invalid configuration, naming the field', () => {
    expect(() => resolveSiteConfig({ ...input, siteUrl: 'not a url' })).toThrow(/siteUrl/);
  });
});

describe('publisherLine', () => {
  it.each([
    { name: 'no address: the company alone', address: undefined, expected: 'Acme Ltd' },
    { name: 'an address without the company: both', address: '1 Main Street, Leeds LS1 1AA', expected: 'Acme Ltd · 1 Main Street, Leeds LS1 1AA' },
    { name: 'an address that starts with the company: the company once', address: 'Acme Ltd, 1 Main Street, Leeds', expected: 'Acme Ltd, 1 Main Street, Leeds' },
    { name: 'the company written in other case in the address: once', address: 'ACME LTD, 1 Main Street', expected: 'ACME LTD, 1 Main Street' },
    { name: 'a blank address: the company alone', address: '   ', expected: 'Acme Ltd' },
  ])('$name', ({ address, expected }) => {
    expect(publisherLine({ company: 'Acme Ltd', contact: { email: 'legal@acme.example', ...(address === undefined ? {} : { address }) } })).toBe(expected);
  });
});
