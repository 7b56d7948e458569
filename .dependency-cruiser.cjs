/**
 * The direction of imports (docs/architecture.md#libraries-and-the-direction-of-imports), checked on
 * every change by `npm run depcruise`: programs never import each other, libraries never import a
 * program, and the label renderer knows nothing of the database.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'apps/api, apps/worker and apps/cli are separate programs over the same libraries: share code through a library.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-imports-an-app',
      comment: 'Libraries (the domain included) serve the programs; a program is never a dependency of a library.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-domain-imports-an-app',
      comment: 'libs/traceability is the domain: it must not know the HTTP API, the worker or the CLI.',
      severity: 'error',
      from: { path: '^libs/traceability/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-labels-import-the-database',
      comment: 'libs/labels turns plain view-models into PDF pages; whatever it prints is snapshotted by the caller.',
      severity: 'error',
      from: { path: '^libs/labels/' },
      to: { path: ['^libs/database/', '^libs/traceability/', '^node_modules/(typeorm|pg|pg-copy-streams|@nestjs/typeorm)/'] },
    },
    {
      name: 'no-config-imports-a-library',
      comment: 'libs/config is read by everything and reads only the environment.',
      severity: 'error',
      from: { path: '^libs/config/' },
      to: { path: '^libs/', pathNot: '^libs/config/' },
    },
    {
      name: 'no-production-code-imports-testing',
      comment: 'libs/testing boots the real app for tests; only tests and benches import it.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/testing/', '\\.spec\\.ts$'] },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
