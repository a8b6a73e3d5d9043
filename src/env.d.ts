interface ImportMetaEnv {
  /** True under `astro dev`, where drafts are shown with a banner; set by src/integrations/content-check.ts. */
  readonly REDLINE_INCLUDE_DRAFTS: boolean;
}
