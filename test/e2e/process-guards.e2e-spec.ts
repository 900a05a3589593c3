import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

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

  describe('rate limiting', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => t.close());

    it('answers 429 as a problem once a client exceeds its requests per minute', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await t.inject('/v1/events?limit=1')).statusCode);
      expect(statuses.slice(0, 4).every((status) => status === 200)).toBe(true);
      expect(statuses[statuses.length - 1]).toBe(429);
      const limited = await t.inject('/v1/events?limit=1');
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.json().type).toBe('https://saydo.dev/problems/rate-limited');
    });
  });
});
