interface ImportMetaEnv {
  /** True under `astro dev`, where drafts are shown with a banner; set by src/integrations/content-check.ts. */
  readonly REDLINE_INCLUDE_DRAFTS: boolean;
  /** The on-disk cache of the diff work under `astro build`; set by src/integrations/build-cache.ts. */
  readonly REDLINE_BUILD_CACHE: { dir: string; fingerprint: string } | undefined;
  /** The diff workers' file and thread count under `astro build`; set by src/integrations/diff-workers.ts. */
  readonly REDLINE_DIFF_WORKERS: { filename: string; threads: number } | undefined;
}
