import type { SiteConfigInput } from './src/lib/site/config.ts';

/**
 * Site metadata, in one place. `SITE_URL` and `BASE_PATH` environment variables override
 * `siteUrl` and `basePath` at build time (see README, "Deploying").
 */
const config: SiteConfigInput = {
  company: 'Tallyfield Ltd',
  siteName: 'Tallyfield Legal',
  siteUrl: 'https://legal.tallyfield.example',
  basePath: '/',
  contact: {
    email: 'legal@tallyfield.example',
    address: 'Tallyfield Ltd, 12 Harbour Row, Bristol BS1 5TY, United Kingdom',
  },
  lang: 'en',
};

export default config;
