import { ChildService, serviceEnv } from '../support/child-service';
import { isolatedKafkaSettings } from '../support/kafka';
import { startTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** A line that reports an error: pino's error/fatal levels (50, 60) or a plain line saying so. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => /"level":(50|60)/.test(line) || /\berror\b/i.test(line));
}

describe('clean stops: SIGINT and SIGTERM stop every component in order, exit 0, no error line', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('the API without Kafka on %s', async (signal) => {
    const t = await startTestApp({ LOG_LEVEL: 'info' });
    try {
      expect((await t.inject('/v1/events?limit=1')).statusCode).toBe(200);
      const exit = await t.signal(signal);
      expect({ exit, errors: errorLines(t.output()) }).toEqual({ exit: { code: 0, signal: null }, errors: [] });
      expect(t.stderr()).toBe('');
      expect(t.stdout()).toMatch(new RegExp(`${signal}: stopping[\\s\\S]*"msg":"stopped"`));
    } finally {
      await t.close();
    }
  });

  it('the API with Kafka (relay and projector in the process) on SIGTERM', async () => {
    const settings = isolatedKafkaSettings(2);
    const t = await startTestApp({
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: settings.brokers.join(','),
      KAFKA_TOPIC: settings.topic,
      KAFKA_PARTITIONS: String(settings.partitions),
      KAFKA_PROJECTOR_GROUP: settings.projectorGroup,
      KAFKA_CLIENT_ID: settings.clientId,
    });
    try {
      const exit = await t.signal('SIGTERM');
      expect({ exit, errors: errorLines(t.output()) }).toEqual({ exit: { code: 0, signal: null }, errors: [] });
      expect(t.stderr()).toBe('');
    } finally {
      await t.close();
    }
  });

  describe('the relay and the projector as their own processes', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db.drop());

    it.each([
      ['outbox-relay', 'SIGINT', /publishing to/],
      ['outbox-relay', 'SIGTERM', /publishing to/],
      ['projector', 'SIGINT', /consuming/],
      ['projector', 'SIGTERM', /consuming/],
    ] as const)('%s on %s', async (app, signal, ready) => {
      const child = new ChildService(app, app, serviceEnv(db.url, isolatedKafkaSettings(2), { LOG_LEVEL: 'info' }));
      try {
        await child.waitForOutput(ready, 60_000);
        const exit = await child.kill(signal);
        expect({ exit, errors: errorLines(child.output()) }).toEqual({ exit: { code: 0, signal: null }, errors: [] });
        expect(child.output()).toMatch(new RegExp(`\\[${app}\\] ${signal}: stopping\\n[\\s\\S]*\\[${app}\\] stopped\\n`));
      } finally {
        await child.kill('SIGKILL');
      }
    });
  });
});
