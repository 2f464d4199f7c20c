/** Architecture rules (ARCHITECTURE.md): checked on every `npm test`. */

module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-module',
      comment: 'The kernel is what every module shares; it never depends on a module (modules register their words and routes with it).',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-words-import-nothing',
      comment: "A module's i18n catalogue is plain data: its face registers it, so it may import nothing.",
      severity: 'error',
      from: { path: '\\.i18n\\.ts$' },
      to: {},
    },
    {
      name: 'modules-only-through-index',
      comment:
        "A module reaches another module only through that module's index.ts (its face). A table file names another module's row through the key the face gives (projectKey, communeKey), never its table.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'faces-export-no-tables',
      comment:
        "A face exports use-cases and read models (isMember, projectSummaries), never tables: no module queries another module's tables.",
      severity: 'error',
      from: { path: '^src/modules/[^/]+/index\\.ts$' },
      to: { path: '\\.sql\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-and-cli-through-faces',
      comment: 'The composition root (app, API, CLI, composition of modules) imports modules through their faces.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.tsx?$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'services-never-import-hono',
      comment: 'Services are plain functions shared by the HTML pages and the JSON API.',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: '^node_modules/(hono|@hono)/' },
    },
    {
      name: 'views-stay-dumb',
      comment: 'Views take props and return HTML: kernel/ui, kernel/i18n and types only.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/views/' },
      to: { path: '^src/(kernel/(db|audit|mail|auth/(?!roles))|app|main|bootstrap)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-config-reads-env',
      comment: 'process.env is read in config.ts (and the test harness) only — checked by a test.',
      severity: 'ignore',
      from: {},
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
