/** Architecture rules (ARCHITECTURE.md): checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-module',
      comment: 'The kernel is what every module shares; it never depends on a module.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/modules/', pathNot: '^src/modules/([^/]+)/\\1\\.i18n\\.ts$' },
    },
    {
      name: 'module-words-import-nothing',
      comment: "A module's i18n catalogue is plain data: the kernel's catalogue gathers it, so it may import nothing.",
      severity: 'error',
      from: { path: '\\.i18n\\.ts$' },
      to: {},
    },
    {
      name: 'modules-only-through-index',
      comment: "A module reaches another module only through that module's index.ts.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
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
