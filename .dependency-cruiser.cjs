/**
 * The dependency rule of ARCHITECTURE.md, checked by `npm run lint` and by
 * tests/unit/architecture.test.ts (which also checks that only config/ reads process.env).
 * Type-only imports of ports are allowed where noted.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make start-up order and tests fragile; type-only imports count too.', from: {}, to: { circular: true } },
    { name: 'domain-is-pure', severity: 'error', comment: 'src/domain imports nothing else of ours and no I/O library.', from: { path: '^src/domain/' }, to: { path: '^(src/(?!domain/)|bots/|flows/|config/)' } },
    { name: 'domain-no-io', severity: 'error', from: { path: '^src/domain/' }, to: { dependencyTypes: ['npm'], pathNot: 'node_modules/(luxon|@types)/' } },
    { name: 'dialog-only-domain', severity: 'error', comment: 'The engine sees ports and domain types only.', from: { path: '^src/dialog/' }, to: { path: '^(src/(storage|queue|panel|app)/|bots/)' } },
    { name: 'flows-no-adapters', severity: 'error', from: { path: '^flows/' }, to: { path: '^(src/(storage|queue|panel)/|bots/)', dependencyTypesNot: ['type-only'] } },
    { name: 'only-bots-import-platforms', severity: 'error', comment: 'Only bots/ talks to telegraf or whatsapp-web.js.', from: { pathNot: '^(bots/|tests/|bench/)' }, to: { path: 'node_modules/(telegraf|whatsapp-web\\.js|wwebjs-mongo)/' } },
    { name: 'only-storage-imports-mongoose', severity: 'error', from: { pathNot: '^(src/storage/|src/main\\.ts|bots/|tests/|bench/|script/)' }, to: { path: 'node_modules/mongoose/', dependencyTypesNot: ['type-only'] } },
    { name: 'only-queue-imports-bullmq', severity: 'error', from: { pathNot: '^(src/queue/|tests/|bench/)' }, to: { path: 'node_modules/bullmq/', dependencyTypesNot: ['type-only'] } },
    { name: 'app-uses-ports-not-adapters', severity: 'error', comment: 'src/app and src/panel depend on ports; only main.ts builds adapters.', from: { path: '^src/(app|panel)/' }, to: { path: '^(src/(storage|queue)/|bots/)', dependencyTypesNot: ['type-only'], pathNot: '^src/queue/task\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
    exclude: { path: '(^dist/|^src/panel/web/)' },
  },
};
