import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const INFRA = resolve(__dirname, '../infra/kafka');

/**
 * A Kafka broker of the test's own, that it may SIGKILL and start again on the same data: the
 * tests' kafka.sh, copied into a directory of its own (so its run directory, lock and orphan
 * clean-up never touch the shared broker's), on free ports. The jars are the checkout's.
 */
export class OwnKafka {
  private process: ChildProcess | null = null;

  private constructor(
    readonly home: string,
    readonly port: number,
  ) {}

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  static async create(): Promise<OwnKafka> {
    const home = mkdtempSync(join(tmpdir(), 'saydo-own-kafka-'));
    copyFileSync(join(INFRA, 'kafka.sh'), join(home, 'kafka.sh'));
    copyFileSync(join(INFRA, 'pom.xml'), join(home, 'pom.xml'));
    if (existsSync(join(INFRA, '.jars'))) symlinkSync(join(INFRA, '.jars'), join(home, '.jars'));
    const kafka = new OwnKafka(home, await freePort());
    const up = spawnSync('bash', [join(home, 'kafka.sh'), 'up'], {
      env: { ...process.env, KAFKA_PORT: String(kafka.port), KAFKA_CONTROLLER_PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (up.status !== 0) throw new Error(`the test's Kafka broker did not start:\n${up.stderr}`);
    return kafka;
  }

  /** SIGKILL: the broker vanishes mid-stream, without a controlled shutdown. */
  crash(): void {
    process.kill(this.pid(), 'SIGKILL');
  }

  /** Starts the broker again on its data, with kafka.sh's own command line; resolves once it serves. */
  async restart(): Promise<void> {
    const dir = this.state('dir');
    const logFile = join(dir, 'kafka.log');
    const startedBefore = countMatches(readFileSync(logFile, 'utf8'), /Kafka Server started/g);
    const java = process.env.JAVA ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
    const out = openSync(logFile, 'a');
    const child = spawn(
      java,
      ['-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true', `-Dlog4j.configuration=file:${dir}/log4j.properties`, `-Dkafka.logs.dir=${dir}/logs`, '-cp', `${join(this.home, '.jars')}/*`, 'kafka.Kafka', join(dir, 'server.properties')],
      { stdio: ['ignore', out, out], detached: true },
    );
    this.process = child;
    const deadline = Date.now() + 180_000;
    while (countMatches(readFileSync(logFile, 'utf8'), /Kafka Server started/g) <= startedBefore) {
      if (child.exitCode !== null) throw new Error(`the restarted broker exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
      if (Date.now() > deadline) throw new Error('the restarted broker did not start in time');
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  async destroy(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise((done) => this.process!.once('exit', done));
      this.process.kill('SIGKILL');
      await exited;
    }
    spawnSync('bash', [join(this.home, 'kafka.sh'), 'down'], { env: process.env, timeout: 60_000 });
    rmSync(this.home, { recursive: true, force: true });
  }

  private pid(): number {
    if (this.process && this.process.exitCode === null) return this.process.pid!;
    return Number(readFileSync(join(this.home, '.run', 'kafka.pid'), 'utf8').trim());
  }

  private state(key: string): string {
    const line = readFileSync(join(this.home, '.run', 'kafka.state'), 'utf8').split('\n').find((candidate) => candidate.startsWith(`${key}=`));
    if (!line) throw new Error(`kafka.state has no ${key}`);
    return line.slice(key.length + 1);
  }
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

