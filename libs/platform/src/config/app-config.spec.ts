import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('gives the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, SAYDO_DATA_DIR: './.data', DATABASE_URL: undefined, READ_WAIT_TIMEOUT_MS: 5000, WRITE_RETRY_LIMIT: 10, WRITE_RETRY_BASE_DELAY_MS: 5 });
  });

  it('sizes the pool and the group commit from the environment', () => {
    expect(loadConfig({})).toMatchObject({ DATABASE_POOL_SIZE: 10, APPEND_GROUP_MAX_COMMANDS: 256, APPEND_GROUP_MAX_EVENTS: 5000, APPEND_GROUPS_IN_FLIGHT: 1 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '20', APPEND_GROUP_MAX_COMMANDS: '1' })).toMatchObject({ DATABASE_POOL_SIZE: 20, APPEND_GROUP_MAX_COMMANDS: 1 });
    expect(() => loadConfig({ APPEND_GROUP_MAX_COMMANDS: '0' })).toThrow(/APPEND_GROUP_MAX_COMMANDS=/);
  });

  it('parses numbers given as text', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SAYDO_ADMIN_KEY: 'short' }, 'SAYDO_ADMIN_KEY'],
    [{ WRITE_RETRY_LIMIT: '0' }, 'WRITE_RETRY_LIMIT'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}=`));
  });
});
