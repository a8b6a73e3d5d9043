import { describe, expect, it } from 'vitest';
import { resolveSiteConfig, type SiteConfigInput } from '../../src/lib/site-config.ts';

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
