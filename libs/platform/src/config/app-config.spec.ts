import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('gives the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, SAYDO_DATA_DIR: './.data', DATABASE_URL: undefined, READ_WAIT_TIMEOUT_MS: 5000 });
  });

  it('parses numbers given as text', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SAYDO_ADMIN_KEY: 'short' }, 'SAYDO_ADMIN_KEY'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}=`));
  });
});
