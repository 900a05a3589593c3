import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const REPO = resolve(__dirname, '../..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run demo` as a person runs it, against the test API. */
function runDemo(baseUrl: string, dataDir: string, args: string[] = []): Promise<Run> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'demo', ...(args.length ? ['--', ...args] : [])], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SAYDO_URL: baseUrl, SAYDO_ADMIN_KEY: ADMIN_KEY, DEMO_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (status) => done({ status, stdout, stderr }));
  });
}

const SRC = [{ url: 'https://www.example.org/2026/03/09/resignation', publisher: 'Example News', title: 'Head of robotics resigns', publishedAt: '2026-03-09', quote: 'rushed without the guardrails defined' }];

/** The README walk-through, as a reader who tried it first would have left the instance. */
const WALK_THROUGH = [
  { type: 'StakeholderRegistered', data: { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, occurredAt: '2015-12', sources: SRC },
  { type: 'StakeholderRegistered', data: { stakeholderId: 'us-dod', name: 'US Department of War', kind: 'government' }, occurredAt: '1947', sources: SRC },
  {
    type: 'RedLineStated',
    data: { commitmentId: 'openai-no-domestic-surveillance', stakeholderId: 'openai', text: 'No use for domestic mass surveillance or fully autonomous weapons', topics: ['surveillance', 'autonomous-weapons'] },
    occurredAt: '2026-03',
    sources: SRC,
  },
  {
    type: 'ContractSigned',
    data: { actionId: 'openai-dow-classified', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Deployment on classified networks', topics: ['defence', 'surveillance'] },
    occurredAt: '2026-02',
    sources: SRC,
  },
  {
    type: 'AssessmentRecorded',
    data: { commitmentId: 'openai-no-domestic-surveillance', actionId: 'openai-dow-classified', relation: 'strains', rationale: 'Signed before guardrails against surveillance were defined' },
    occurredAt: '2026-03-09',
    sources: [],
  },
];

describe('npm run demo on an instance that already holds the README walk-through', () => {
  let app: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    app = await startTestApp();
    dataDir = mkdtempSync(join(tmpdir(), 'saydo-demo-'));
    const created = await app.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'walk-through', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const key = created.json().key as string;
    for (const event of WALK_THROUGH) {
      const response = await app.inject({ method: 'POST', url: '/v1/events', payload: event, headers: { authorization: `Bearer ${key}` } });
      expect(response.statusCode).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads what is missing, keeps what is there, and points a person at pages in the pages’ words', async () => {
    const run = await runDemo(app.baseUrl, dataDir);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('there already: StakeholderRegistered openai: registered already as “OpenAI”: reused');
    for (const page of ['/', '/stakeholders/openai', '/topics/surveillance', '/commitments/openai-no-domestic-surveillance']) {
      expect(run.stdout).toContain(`${app.baseUrl}${page}\n`);
    }
    const whereToRead = run.stdout.slice(run.stdout.indexOf('Read it in a browser'), run.stdout.indexOf('Headlines'));
    expect(whereToRead).not.toMatch(/\/v1\//);
    // The pages' status words, never the JSON codes.
    expect(run.stdout).toMatch(/Under strain|Crossed|Held/);
    expect(run.stdout).not.toMatch(/under_strain|not_yet_rated|partially_kept/);

    // The pages now tell the founding case: Anthropic is there beside the walk-through's OpenAI.
    const page = await app.inject({ url: '/stakeholders/anthropic', headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  }, 240_000);

  it('a second run appends nothing and still exits 0; asked in French, it says its headlines in French', async () => {
    const before = (await app.inject('/v1/events?limit=1')).json().head as number;
    const run = await runDemo(app.baseUrl, dataDir, ['--lang', 'fr']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/0 recorded now/);
    const headlines = run.stdout.slice(run.stdout.indexOf('Les grandes lignes'));
    expect(headlines).toMatch(/Sous tension|Franchie|Respectée/);
    expect(headlines).toContain('Sur surveillance, côte à côte');
    expect(headlines).toContain(`${app.baseUrl}/stakeholders/openai?lang=fr\n`);
    expect(headlines).not.toMatch(/Under strain|Held|Crossed|actions? judged|side by side/);
    expect((await app.inject('/v1/events?limit=1')).json().head).toBe(before);
  }, 240_000);
});
