import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, S5, strainAssessment } from '../support/scenario';

/** Who may write, what is refused, and that nothing refused is half-written. */
describe('writing facts through the API', () => {
  let t: TestApp;
  let contributorKey: string;
  let editorKey: string;
  const post = (url: string, payload: unknown, key?: string, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url, payload, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
  const head = async () => (await t.inject('/v1/events?limit=1')).json().head as number;

  beforeAll(async () => {
    t = await startTestApp();
    contributorKey = (await post('/v1/api-keys', { name: 'reporter', role: 'contributor' }, ADMIN_KEY)).json().key;
    editorKey = (await post('/v1/api-keys', { name: 'editor', role: 'editor' }, ADMIN_KEY)).json().key;
    const seeded = await post('/v1/event-batches', { events: [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement] }, contributorKey);
    expect(seeded.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  describe('authentication and roles', () => {
    it('answers 401 to a write without a key or with an unknown key, and writes nothing', async () => {
      const before = await head();
      for (const key of [undefined, 'sdk_not-a-key']) {
        const response = await post('/v1/events', registerOpenAi, key);
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/unauthorized', status: 401 });
      }
      expect(await head()).toBe(before);
    });

    it('answers 403 to a contributor recording an assessment, which needs an editor', async () => {
      const response = await post('/v1/events', strainAssessment, contributorKey);
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toMatch(/editor/);
    });

    it('answers 403 to a non-admin managing keys, and lets an admin create, list and revoke them', async () => {
      expect((await post('/v1/api-keys', { name: 'x', role: 'admin' }, editorKey)).statusCode).toBe(403);
      const created = (await post('/v1/api-keys', { name: 'temp', role: 'contributor' }, ADMIN_KEY)).json();
      expect(created.key).toMatch(/^sdk_/);
      const listed = (await t.inject({ url: '/v1/api-keys', headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();
      expect(listed.find((k: { id: string }) => k.id === created.id)).toMatchObject({ name: 'temp', role: 'contributor', revokedAt: null });
      expect(JSON.stringify(listed)).not.toContain(created.key);
      // Used once first, so the key is in the verified-key cache when it is revoked: revocation must evict it.
      expect((await post('/v1/events', { ...registerOpenAi, data: { ...registerOpenAi.data, stakeholderId: 'before-revoke' } }, created.key)).statusCode).toBe(201);
      const revoked = await t.inject({ method: 'DELETE', url: `/v1/api-keys/${created.id}`, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(revoked.statusCode).toBe(204);
      expect((await post('/v1/events', { ...registerOpenAi, data: { ...registerOpenAi.data, stakeholderId: 'after-revoke' } }, created.key)).statusCode).toBe(401);
    });

    it('stores only a hash of each key', async () => {
      const { rows } = await t.db.pool.query('SELECT key_hash FROM api_keys');
      expect(rows.map((r) => r.key_hash)).not.toContain(contributorKey);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
    });
  });

  describe('validation', () => {
    it.each([
      ['an unknown top-level field', { ...registerOpenAi, extra: 1 }, 'extra'],
      ['an unknown data field', { ...registerOpenAi, data: { ...registerOpenAi.data, ceo: 'x' } }, 'data.ceo'],
      ['an unknown type', { ...registerOpenAi, type: 'StakeholderDeleted' }, 'type'],
      ['a relative source URL', { ...openAiRedLine, sources: [{ ...S5, url: '/news/1' }] }, 'sources[0].url'],
      ['a non-http source URL', { ...openAiRedLine, sources: [{ ...S5, url: 'ftp://example.org/x' }] }, 'sources[0].url'],
      ['text over its length limit', { ...openAiRedLine, data: { ...openAiRedLine.data, text: 'x'.repeat(5001) } }, 'data.text'],
      ['a date that does not exist', { ...openAiRedLine, occurredAt: '2026-02-30' }, 'occurredAt'],
      ['an id that is not a slug', { ...registerOpenAi, data: { ...registerOpenAi.data, stakeholderId: 'Open AI' } }, 'data.stakeholderId'],
      ['a missing data field', { ...registerOpenAi, data: { stakeholderId: 'x', kind: 'person' } }, 'data.name'],
    ])('refuses %s with a 400 problem naming %s', async (_, body, field) => {
      const response = await post('/v1/events', body, contributorKey);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/validation-failed', status: 400 });
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses malformed JSON with a problem, not a stack trace', async () => {
      const response = await t.inject({ method: 'POST', url: '/v1/events', payload: '{"type":', headers: { authorization: `Bearer ${contributorKey}`, 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses a fact without a source, and a fact dated in the future, with 422', async () => {
      const unsourced = await post('/v1/events', { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'unsourced' }, sources: [] }, contributorKey);
      expect(unsourced.statusCode).toBe(422);
      expect(unsourced.json().type).toBe('https://saydo.dev/problems/source-required');
      const future = await post('/v1/events', { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'future' }, occurredAt: '2999' }, contributorKey);
      expect(future.statusCode).toBe(422);
      expect(future.json().type).toBe('https://saydo.dev/problems/occurred-in-future');
    });
  });

  describe('rules of the record', () => {
    it('answers 409 to a commitment id stated twice, and 422 to a pledge of an unregistered stakeholder', async () => {
      const twice = await post('/v1/events', openAiRedLine, contributorKey);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().type).toBe('https://saydo.dev/problems/commitment-already-stated');
      const orphan = await post('/v1/events', { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'orphan', stakeholderId: 'nobody' } }, contributorKey);
      expect(orphan.statusCode).toBe(422);
      expect(orphan.json()).toMatchObject({ type: 'https://saydo.dev/problems/stakeholder-not-registered', stakeholderIds: ['nobody'] });
    });

    it('answers 422 to an assessment of an action that does not exist', async () => {
      const response = await post('/v1/events', { ...strainAssessment, data: { ...strainAssessment.data, actionId: 'no-such-action' } }, editorKey);
      expect(response.statusCode).toBe(422);
      expect(response.json().type).toBe('https://saydo.dev/problems/action-not-found');
    });

    it('answers 409 with the current version when expectedVersion is stale', async () => {
      const response = await post('/v1/events', { ...strainAssessment, expectedVersion: 0 }, editorKey);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/wrong-expected-version', currentVersion: 1, expectedVersion: 0, streamId: 'commitment-openai-no-domestic-surveillance' });
    });
  });

  describe('batches', () => {
    it('writes all or nothing: one bad event in the batch leaves the log untouched', async () => {
      const before = await head();
      const batch = {
        events: [
          { ...registerOpenAi, data: { ...registerOpenAi.data, stakeholderId: 'anthropic', name: 'Anthropic' } },
          { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'anthropic-no-mass-surveillance', stakeholderId: 'anthropic' } },
          { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'x', stakeholderId: 'not-registered' } },
        ],
      };
      const response = await post('/v1/event-batches', batch, contributorKey);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ index: 2, detail: expect.stringMatching(/^events\[2\]: /) });
      expect(await head()).toBe(before);
      expect((await t.inject('/v1/streams/stakeholder-anthropic')).statusCode).toBe(404);
    });

    it('names the failing field with its index in a batch', async () => {
      const response = await post('/v1/event-batches', { events: [registerOpenAi, { ...registerOpenAi, data: { ...registerOpenAi.data, kind: 'alien' } }] }, contributorKey);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['events[1].data.kind']);
    });

    it('accepts 1,000 events in one batch and refuses 1,001', async () => {
      const events = Array.from({ length: 1001 }, (_, i) => ({ ...registerOpenAi, data: { stakeholderId: `bulk-${i}`, name: `Bulk ${i}`, kind: 'person' } }));
      expect((await post('/v1/event-batches', { events }, contributorKey)).statusCode).toBe(400);
      const accepted = await post('/v1/event-batches', { events: events.slice(0, 1000) }, contributorKey);
      expect(accepted.statusCode).toBe(201);
      const positions = accepted.json().events.map((e: { position: number }) => e.position);
      expect(positions).toHaveLength(1000);
      expect(positions[999] - positions[0]).toBe(999);
    });
  });

  describe('idempotency', () => {
    const body = { ...registerOpenAi, data: { stakeholderId: 'microsoft', name: 'Microsoft', kind: 'organization' } };

    it('returns the original answer for the same key and body, without appending again', async () => {
      const first = await post('/v1/events', body, contributorKey, { 'idempotency-key': 'register-microsoft' });
      const again = await post('/v1/events', body, contributorKey, { 'idempotency-key': 'register-microsoft' });
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toEqual(first.json());
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((await t.inject('/v1/streams/stakeholder-microsoft')).json().version).toBe(1);
    });

    it('answers 422 to the same key with another body', async () => {
      const response = await post('/v1/events', { ...body, data: { ...body.data, name: 'MSFT' } }, contributorKey, { 'idempotency-key': 'register-microsoft' });
      expect(response.statusCode).toBe(422);
      expect(response.json().type).toBe('https://saydo.dev/problems/idempotency-key-reused');
    });
  });
});
