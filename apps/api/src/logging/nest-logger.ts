import { LoggerService } from '@nestjs/common';
import { Logger } from 'pino';

/**
 * Nest's start-up chatter (a line per module and per mapped route) is for someone debugging the
 * wiring: it is logged at debug, so the default level shows what the service says, not how it was built.
 */
const WIRING_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's logger interface on the process's pino logger, the Nest context as a `context` field. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest);
    this.write(context && WIRING_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?): keep the stack when there is one.
    const context = contextOf(rest);
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) this.logger.error({ context, err: message }, message.message);
    else this.logger.error({ context, ...(stack ? { stack } : {}) }, String(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, contextOf(rest));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, contextOf(rest));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, contextOf(rest));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, contextOf(rest));
  }

  private write(level: 'fatal' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, context: string | undefined): void {
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}

/** Nest passes the context as the last optional parameter. */
function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}
