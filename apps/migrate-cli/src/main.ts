import 'reflect-metadata';
import { applyMigrations, createDataSource, loadConfig, resolveDatabase, runCommand, schemaState } from '@saydo/platform';

const USAGE = `usage: npm run migrate [-- --check]
  (no option)  apply the pending migrations, in one transaction; list what it applied
  --check      apply nothing: list the pending migrations and exit 1 if there are any
               (exit 3 if the database has migrations this code does not know)
Uses DATABASE_URL, or the embedded default under SAYDO_DATA_DIR.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.some((arg) => arg !== '--check')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, (message) => process.stderr.write(`[migrate] ${message}\n`));
  const dataSource = createDataSource(database.url, { applicationName: 'saydo-migrate', poolSize: 2 });
  await dataSource.initialize();
  try {
    const state = await schemaState(dataSource);
    if (state.unknown.length > 0) {
      process.stderr.write(`the database has migration(s) this code does not know (its schema is newer):\n${state.unknown.map((name) => `  ${name}\n`).join('')}`);
      return 3;
    }
    if (args.includes('--check')) {
      if (state.pending.length === 0) {
        process.stdout.write('schema up to date: no pending migration\n');
        return 0;
      }
      process.stdout.write(`${state.pending.length} pending migration(s):\n${state.pending.map((name) => `  ${name}\n`).join('')}`);
      return 1;
    }
    const applied = await applyMigrations(dataSource);
    process.stdout.write(applied.length === 0 ? 'schema up to date: nothing to apply\n' : `applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}\n`).join('')}`);
    return 0;
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

runCommand('migrate', () => main());
