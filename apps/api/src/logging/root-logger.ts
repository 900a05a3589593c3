import pino, { DestinationStream, Logger } from 'pino';

/**
 * The process's one pino logger: JSON lines for machines (a file, a pipe, a log shipper), and
 * pino-pretty's coloured lines when a person watches the terminal. Pretty-printing runs in this
 * thread (a stream, not a transport worker) so a clean stop has nothing left to flush.
 */
export function createRootLogger(level: string, stdout: NodeJS.WriteStream = process.stdout): Logger {
  return pino({ level, base: { pid: process.pid } }, stdout.isTTY ? prettyStream(stdout) : stdout);
}

function prettyStream(stdout: NodeJS.WriteStream): DestinationStream {
  // Loaded only for a terminal: a server writing JSON never pays for it.
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({ destination: stdout, colorize: true, singleLine: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
}
