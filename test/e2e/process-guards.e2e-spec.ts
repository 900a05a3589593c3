import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');

describe('process guards', () => {
  it.each([
    ['PORT', 'not-a-port'],
    ['DATABASE_URL', 'mysql://somewhere/db'],
    ['KAFKA_BROKERS', 'no port here'],
  ])('refuses to start when %s=%s, naming the variable', (variable, value) => {
    const result = spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH, [variable]: value }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^Invalid configuration:\\n  ${variable}=`));
  });
});
