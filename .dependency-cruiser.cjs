/**
 * The import rules of the house (shared/STYLE.md): imports run one way, pages -> layouts/components -> lib and
 * pages -> data -> lib; scripts, client code and integrations import lib only; src/lib imports nothing from
 * Astro and has no import circles. `tests/unit/architecture.test.ts` checks them on every `npm test`;
 * `npx depcruise src scripts` prints the same report.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle means two modules are one concern split in two, or a type sits in the wrong module.',
      from: { path: '^(src|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'lib-is-pure',
      severity: 'error',
      comment: 'src/lib is plain TypeScript: no Astro virtual modules, nothing from the layers above it, so its tests need no mocks.',
      from: { path: '^src/lib/' },
      to: { path: '^(astro:|src/(data|pages|components|layouts|integrations|client|workers|styles)/)' },
    },
    {
      name: 'lib-no-astro-modules',
      severity: 'error',
      comment: 'astro:* modules exist only inside a Vite build; src/lib must run in plain Node (tests, scripts, workers).',
      from: { path: '^src/lib/' },
      to: { dependencyTypes: ['core', 'unknown', 'undetermined'], path: '^astro:' },
    },
    {
      name: 'data-below-pages',
      severity: 'error',
      comment: 'src/data turns collections into lib types for pages; it never reaches up into pages or layouts (it does render version bodies with the MDX components).',
      from: { path: '^src/data/' },
      to: { path: '^src/(pages|layouts|client)/' },
    },
    {
      name: 'nothing-imports-pages',
      severity: 'error',
      comment: 'Pages are routes, the top of the graph.',
      from: { pathNot: '^src/pages/' },
      to: { path: '^src/pages/' },
    },
    {
      name: 'scripts-client-integrations-use-lib',
      severity: 'error',
      comment: 'CLI scripts, browser code and Astro hooks share logic through src/lib only, never through pages, layouts or the data layer.',
      from: { path: '^(scripts|src/client|src/integrations)/' },
      to: { path: '^src/(pages|components|layouts|data)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs', '.astro'] },
  },
};
