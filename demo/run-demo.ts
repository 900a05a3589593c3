import { relative } from 'node:path';
import { Dataset, loadDataset } from './dataset';
import { DemoStateFile } from './demo-state';
import { embeddedSettings, isOurApi, REPO_ROOT, startEmbedded, stopEmbedded } from './embedded-instance';
import { isLocale, Locale } from '../apps/api/src/pages/i18n/locale';
import { printHeadlines } from './headlines';
import { loadEventByEvent } from './load-events';
import { ApiResponse, describeProblem, problemSlug, SaydoClient } from './saydo-client';

/**
 * Loads the founding case (demo/founding-case.json) into a Saydo instance and says where to read it.
 *
 *   npm run demo                 SAYDO_URL (default http://localhost:3000), or an embedded instance it starts
 *   npm run demo -- stop         stops the embedded instance the demo started
 *   npm run demo -- --lang fr    the headlines in French (the pages' French catalogue), with links to the French pages
 *
 * Keys: SAYDO_API_KEY (an editor key) is used as is; otherwise SAYDO_ADMIN_KEY (or the key the demo
 * generated for its own instance) creates an editor key, remembered for the next runs.
 */
async function main(): Promise<void> {
  const settings = embeddedSettings();
  const stateFile = new DemoStateFile(settings.dataDir);
  if (process.argv[2] === 'stop') {
    console.log(await stopEmbedded(stateFile));
    console.log(`Its data stays in ${settings.dataDir}; delete it with: rm -rf ${relative(process.cwd(), settings.dataDir) || settings.dataDir}`);
    return;
  }

  const dataset = loadDataset();
  const client = await findOrStartInstance(settings, stateFile);
  console.log(`Saydo at ${client.baseUrl}`);

  let editorKey = await editorKeyFor(client, stateFile);
  let response = await postBatch(client, dataset.events, dataset.idempotencyKey, editorKey.key);
  if (response.status === 401 && editorKey.source === 'remembered') {
    console.log('The remembered editor key is not valid on this instance any more (a new database?): creating another.');
    editorKey = { key: await createEditorKey(client, stateFile), source: 'created' };
    response = await postBatch(client, dataset.events, dataset.idempotencyKey, editorKey.key);
  }
  const position = response.status === 409 ? await loadWhatIsMissing(client, dataset, editorKey.key, response) : outcome(response, dataset.events.length, dataset.idempotencyKey);
  if (position === null) {
    process.exitCode = 1;
    return;
  }

  await waitForReadModels(client, position);
  printWhereToRead(client);
  await printHeadlines(client, position, languageAsked(process.argv.slice(2)));

  const embedded = stateFile.read().embedded;
  if (embedded && embedded.url === client.baseUrl) {
    const dir = relative(process.cwd(), settings.dataDir) || settings.dataDir;
    console.log(`\nThe embedded instance keeps running (pid ${embedded.pid}, log ${relative(process.cwd(), embedded.log)}).`);
    console.log(`Stop it with: npm run demo -- stop   (or: kill ${embedded.pid}); then delete its data with: rm -rf ${dir}`);
  }
}

/** `--lang fr` or `--lang=fr`; English otherwise (an unknown language is said, not silently ignored). */
function languageAsked(args: string[]): Locale {
  const index = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return 'en';
  const value = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  if (isLocale(value)) return value;
  console.log(`The pages speak en and fr, not ${JSON.stringify(value ?? '')}: headlines in English.`);
  return 'en';
}

/** SAYDO_URL when it answers; with no URL given, the default, else the demo's own embedded instance. */
async function findOrStartInstance(settings: ReturnType<typeof embeddedSettings>, stateFile: DemoStateFile): Promise<SaydoClient> {
  const given = process.env.SAYDO_URL;
  const client = new SaydoClient(given ?? 'http://localhost:3000');
  if (await client.isUp()) return client;
  if (given) throw new Error(`no Saydo answers at ${given} (GET /health); start it, or unset SAYDO_URL to let the demo start its own`);

  const embedded = stateFile.read().embedded;
  if (embedded && isOurApi(embedded.pid)) {
    const running = new SaydoClient(embedded.url);
    if (await running.isUp()) {
      console.log(`Nothing answers at http://localhost:3000; using the instance the demo started earlier (pid ${embedded.pid}).`);
      return running;
    }
  }
  console.log('Nothing answers at http://localhost:3000: starting an embedded instance for the demo.');
  return startEmbedded(settings, stateFile, process.env.SAYDO_ADMIN_KEY);
}

interface EditorKey {
  key: string;
  source: 'SAYDO_API_KEY' | 'remembered' | 'created';
}

/** The key the batch is posted with. The same key on every run lets the Idempotency-Key replay. */
async function editorKeyFor(client: SaydoClient, stateFile: DemoStateFile): Promise<EditorKey> {
  if (process.env.SAYDO_API_KEY) return { key: process.env.SAYDO_API_KEY, source: 'SAYDO_API_KEY' };
  const remembered = stateFile.read().editorKeys[client.baseUrl];
  if (remembered) return { key: remembered, source: 'remembered' };
  return { key: await createEditorKey(client, stateFile), source: 'created' };
}

async function createEditorKey(client: SaydoClient, stateFile: DemoStateFile): Promise<string> {
  const state = stateFile.read();
  const adminKey = process.env.SAYDO_ADMIN_KEY ?? (state.embedded?.url === client.baseUrl ? state.adminKey : undefined);
  if (!adminKey) {
    throw new Error(`${client.baseUrl} needs a key: set SAYDO_API_KEY (an editor key) or SAYDO_ADMIN_KEY (the admin key \`npm start\` printed)`);
  }
  const created = await client.post('/v1/api-keys', { name: 'founding-case-demo', role: 'editor' }, { authorization: `Bearer ${adminKey}` });
  if (created.status !== 201) throw new Error(`could not create an editor key with the admin key: ${describeProblem(created)}`);
  stateFile.update((s) => (s.editorKeys[client.baseUrl] = created.body.key));
  console.log(`Created an editor key "founding-case-demo" (${created.body.key.slice(0, 10)}…), kept in ${relative(process.cwd(), stateFile.path)} for the next runs.`);
  return created.body.key;
}

/** The whole dataset in one batch: all or nothing. */
function postBatch(client: SaydoClient, events: object[], idempotencyKey: string, key: string): Promise<ApiResponse> {
  console.log(`Posting ${events.length} events as one batch (Idempotency-Key ${idempotencyKey.slice(0, 36)}…)`);
  return client.post('/v1/event-batches', { events }, { authorization: `Bearer ${key}`, 'idempotency-key': idempotencyKey });
}

/** The last log position of the dataset, or null after explaining why nothing was loaded. */
function outcome(response: ApiResponse, count: number, idempotencyKey: string): number | null {
  if (response.status === 201) {
    const appended = response.body.events as Array<{ position: number }>;
    const [first, last] = [appended[0].position, appended[appended.length - 1].position];
    if (response.headers.get('idempotent-replayed') === 'true') {
      console.log(`Already loaded: this instance returned the original answer (log positions ${first}–${last}); nothing was appended.`);
    } else {
      console.log(`Loaded ${count} events at log positions ${first}–${last}.`);
    }
    return last;
  }
  const slug = problemSlug(response);
  if (slug === 'idempotency-key-reused') {
    console.error(`This instance already took a batch under ${idempotencyKey.slice(0, 36)}… with a different body: the data differs from what was loaded then. Nothing was appended.`);
  } else if (response.status === 422) {
    console.error(`The instance refused the batch, nothing was appended: ${describeProblem(response)}`);
  } else if (response.status === 403) {
    console.error(`The key cannot record the batch (judgements need the editor role): ${describeProblem(response)}`);
  } else {
    console.error(`The batch was refused: ${describeProblem(response)}`);
  }
  return null;
}

/**
 * The batch met facts the instance holds already (the README walk-through's `openai`, an earlier version
 * of the file...): loads the founding case event by event, keeping what is there and saying what was refused.
 * Returns the log's head to read at, or null when nothing could be loaded.
 */
async function loadWhatIsMissing(client: SaydoClient, dataset: Dataset, apiKey: string, conflict: ApiResponse): Promise<number | null> {
  console.log(`Part of the founding case is on this instance already (${describeProblem(conflict)}).`);
  console.log('Loading it event by event instead, keeping what is there:');
  const report = await loadEventByEvent(client, dataset.events, dataset.idempotencyKey, apiKey);
  if (report.fatal) {
    console.error(`The instance stopped the load: ${describeProblem(report.fatal)}`);
    return null;
  }
  console.log(`  ${report.appended} recorded now, ${report.replayed} recorded by an earlier run of the demo, ${report.alreadyThere.length} there already, ${report.refused.length} refused.`);
  for (const line of report.alreadyThere) console.log(`  there already: ${line}`);
  for (const line of report.refused) console.log(`  not recorded (the instance's own history stands): ${line}`);
  const head = await client.get('/v1/events?limit=1');
  if (head.status !== 200) throw new Error(`could not read the log's head: ${describeProblem(head)}`);
  return Number(head.body.head);
}

async function waitForReadModels(client: SaydoClient, position: number): Promise<void> {
  const response = await client.read('/v1/stakeholders/openai/report', position, 30);
  if (response.status !== 200) throw new Error(`the read models did not reach position ${position}: ${describeProblem(response)}`);
}

function printWhereToRead(client: SaydoClient): void {
  const rows: Array<[string, string]> = [
    ['Start here', '/'],
    ['OpenAI', '/stakeholders/openai'],
    ['Anthropic', '/stakeholders/anthropic'],
    ['Department of War', '/stakeholders/us-dod'],
    ['OpenAI, year by year', '/stakeholders/openai/timeline'],
    ['Surveillance, side by side', '/topics/surveillance'],
    ['Autonomous weapons', '/topics/autonomous-weapons'],
    ['Dossier of a red line', '/commitments/openai-no-domestic-surveillance'],
    ['En français', '/?lang=fr'],
  ];
  console.log('\nRead it in a browser');
  for (const [label, path] of rows) console.log(`  ${label.padEnd(27)} ${client.url(path)}`);
  console.log(`  (the same as JSON: ${client.url('/docs')}; every page links its JSON, CSV and Atom feed)`);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`(repository: ${REPO_ROOT})`);
  process.exitCode = 1;
});
