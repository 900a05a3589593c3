import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, strainAssessment } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const CLI = resolve(__dirname, '../../dist/apps/audit-cli/src/main.js');
const audit = (databaseUrl: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });

describe('audits through the API and the CLI', () => {
  let t: TestApp;
  let keys: Record<string, string>;
  const post = (url: string, payload: unknown, key: string) => t.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${key}` } });
  const get = (url: string, key?: string) => t.inject({ url, headers: key ? { authorization: `Bearer ${key}` } : {} });

  beforeAll(async () => {
    t = await startTestApp();
    keys = {};
    for (const role of ['editor', 'auditor']) keys[role] = (await post('/v1/api-keys', { name: role, role }, ADMIN_KEY)).json().key;
    expect((await post('/v1/event-batches', { events: [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement, strainAssessment] }, keys.editor)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('publishes the head as an anchor to anyone, and lets only auditors verify, export and see principals', async () => {
    const head = (await get('/v1/audit/head')).json();
    expect(head).toMatchObject({ position: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (const url of ['/v1/audit/verify', '/v1/audit/export', '/v1/audit/events?principal=x']) {
      expect((await get(url)).statusCode).toBe(401);
      expect((await get(url, keys.editor)).statusCode).toBe(403);
    }
    const verdict = (await get(`/v1/audit/verify?anchorPosition=${head.position}&anchorHash=${head.hash}`, keys.auditor)).json();
    expect(verdict).toMatchObject({ valid: true, checked: 5, headHash: head.hash, firstBreak: null });
    const wrongAnchor = (await get(`/v1/audit/verify?anchorPosition=5&anchorHash=${'a'.repeat(64)}`, keys.auditor)).json();
    expect(wrongAnchor.firstBreak).toMatchObject({ reason: 'anchor-mismatch', position: 5 });
  });

  it('refuses an anchor the checked range would not reach, instead of calling nothing checked valid', async () => {
    const anyHash = 'c'.repeat(64);
    for (const [query, field] of [
      [`from=3&anchorPosition=1&anchorHash=${anyHash}`, 'anchorPosition'],
      [`anchorPosition=2`, 'anchorHash'],
      [`anchorHash=${anyHash}`, 'anchorPosition'],
      [`to=4&anchorPosition=5&anchorHash=${anyHash}`, 'to'],
    ]) {
      const response = await get(`/v1/audit/verify?${query}`, keys.auditor);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/validation-failed', errors: [expect.objectContaining({ field })] });
    }
    const [third] = (await get('/v1/audit/export?after=2', keys.auditor)).body.trim().split('\n').map((line) => JSON.parse(line));
    expect((await get(`/v1/audit/verify?from=3&anchorPosition=3&anchorHash=${third.hash}`, keys.auditor)).json()).toMatchObject({ valid: true, from: 3, to: 3, checked: 1 });
  });

  it('reports date bounds that no longer match occurredAt, though the hash does not cover them', async () => {
    const client = await t.db.pool.connect();
    const rewrite = async (sql: string) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica'); // around the append-only trigger, as a database owner could
      await client.query(sql);
      await client.query('COMMIT');
    };
    try {
      await rewrite(`UPDATE events SET occurred_until = occurred_until + interval '1 month' WHERE position = 3`);
      const verdict = (await get('/v1/audit/verify', keys.auditor)).json();
      expect(verdict).toMatchObject({ valid: false, firstBreak: { position: 3, reason: 'derived-date-mismatch', field: 'occurredUntil', expected: '2026-04-01T00:00:00.000Z' } });
    } finally {
      await rewrite(`UPDATE events SET occurred_until = occurred_until - interval '1 month' WHERE position = 3`);
      client.release();
    }
    expect((await get('/v1/audit/verify', keys.auditor)).json()).toMatchObject({ valid: true, checked: 5 });
  });

  it('lists who submitted what', async () => {
    const [editorKey] = (await get('/v1/api-keys', ADMIN_KEY)).json().filter((k: { name: string }) => k.name === 'editor');
    const events = (await get(`/v1/audit/events?principal=api-key:${editorKey.id}`, keys.auditor)).json().events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['StakeholderRegistered', 'StakeholderRegistered', 'RedLineStated', 'ContractSigned', 'AssessmentRecorded']);
  });

  it('exports NDJSON with positions, hashes, principals and sources, from any position', async () => {
    const response = await get('/v1/audit/export?after=3', keys.auditor);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((e) => e.position)).toEqual([4, 5]);
    expect(lines[0]).toMatchObject({ principal: expect.stringMatching(/^api-key:/), hash: expect.any(String), metadata: { sources: classifiedAgreement.sources } });
  });

  describe('with the CLI', () => {
    let copy: TestDatabase;
    let file: string;
    beforeAll(async () => {
      copy = await createTestDatabase();
      file = join(mkdtempSync(join(tmpdir(), 'saydo-export-')), 'log.ndjson');
    });
    afterAll(() => copy.drop());

    it('verifies, exports, and imports into an empty instance that gives the same head and the same report', async () => {
      const verified = audit(t.db.url, 'verify');
      expect(verified.status).toBe(0);
      const exported = audit(t.db.url, 'export');
      expect(exported.status).toBe(0);
      writeFileSync(file, exported.stdout);

      const imported = audit(copy.url, 'import', file);
      expect(imported.status).toBe(0);
      const head = (await get('/v1/audit/head')).json();
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 5, head: { position: head.position, hash: head.hash } });

      const second = await startTestApp({ DATABASE_URL: copy.url });
      try {
        const url = `/v1/stakeholders/openai/report?waitForPosition=5&date=2026-03-10T00:00:00Z`;
        expect((await second.inject(url)).body).toBe((await t.inject(url)).body);
      } finally {
        await second.close();
      }
      expect(audit(copy.url, 'import', file).status).toBe(1);
    });

    it('refuses an export altered anywhere, naming the first mismatch, and imports nothing', async () => {
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const altered = JSON.parse(lines[2]);
      altered.data.text = 'A softer red line';
      lines[2] = JSON.stringify(altered);
      const tampered = `${file}.tampered`;
      writeFileSync(tampered, lines.join('\n'));
      const empty = await createTestDatabase();
      try {
        const result = audit(empty.url, 'import', tampered);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/does not verify at position 3 \(hash-mismatch\)/);
        expect((await empty.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(0);
      } finally {
        await empty.drop();
      }
    });

    it('refuses an export whose date bounds disagree with occurredAt, and imports nothing', async () => {
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const altered = JSON.parse(lines[3]);
      altered.occurredFrom = '2020-01-01T00:00:00.000Z';
      lines[3] = JSON.stringify(altered);
      const tampered = `${file}.dates`;
      writeFileSync(tampered, lines.join('\n'));
      const empty = await createTestDatabase();
      try {
        const result = audit(empty.url, 'import', tampered);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/does not verify at position 4 \(derived-date-mismatch\)/);
        expect((await empty.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(0);
      } finally {
        await empty.drop();
      }
    });
  });
});
