import { Writable } from 'node:stream';
import pino from 'pino';
import { NestPinoLogger } from './nest-logger';

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: new NestPinoLogger(pino({ level }, sink)), lines };
}

describe("Nest's logs on pino", () => {
  it("puts Nest's wiring chatter (modules, mapped routes) at debug, so the default level hides it", () => {
    const { logger, lines } = capture('info');
    logger.log('Mapped {/v1/events, POST} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('admin key created', 'ApiKeys');
    expect(lines).toEqual([expect.objectContaining({ level: 30, context: 'ApiKeys', msg: 'admin key created' })]);

    const debug = capture('debug');
    debug.logger.log('Mapped {/v1/events, POST} route', 'RouterExplorer');
    expect(debug.lines).toEqual([expect.objectContaining({ level: 20, context: 'RouterExplorer' })]);
  });

  it('keeps the stack Nest passes with an error, and the context', () => {
    const { logger, lines } = capture('info');
    logger.error('projection batch failed', 'Error: boom\n    at somewhere', 'EventPipeline');
    expect(lines).toEqual([expect.objectContaining({ level: 50, context: 'EventPipeline', stack: 'Error: boom\n    at somewhere', msg: 'projection batch failed' })]);
  });
});
