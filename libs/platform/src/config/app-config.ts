import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

/**
 * Every environment variable the processes read, validated once at start (feature code never
 * reads process.env). A bad value stops the process with a message naming the variable.
 */
export class AppConfig {
  /** Use this PostgreSQL server; when absent, an embedded PostgreSQL runs under SAYDO_DATA_DIR. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString() SAYDO_DATA_DIR = './.data';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535) EMBEDDED_PG_PORT = 54329;

  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;

  @IsString() HOST = '0.0.0.0';

  /** The first admin key, used only when the database has no key yet. */
  @IsOptional() @IsString() @MinLength(24, { message: 'SAYDO_ADMIN_KEY must be at least 24 characters' })
  SAYDO_ADMIN_KEY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  /** Longest wait of a read with waitForPosition before it answers 503. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60000) READ_WAIT_TIMEOUT_MS = 5000;

  /** Connections of the API's PostgreSQL pool (reads, and the one group commit in flight). */
  @Transform(toInt) @IsInt() @Min(2) @Max(1000) DATABASE_POOL_SIZE = 10;

  /**
   * Session limits on the service's connections (0 = none): a statement running longer is
   * cancelled (the request answers 503 database-timeout), and a session idle inside a transaction
   * is ended, so a stuck client cannot hold locks for ever. The appends' advisory-lock wait is a
   * statement too, bounded by the same limit. Migrations and the rebuild/migrate tools run without them.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600000) DATABASE_STATEMENT_TIMEOUT_MS = 30000;
  @Transform(toInt) @IsInt() @Min(0) @Max(3600000) DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60000;

  /** Longest wait for a database connection (new, or free in the pool) before the request answers 503. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600000) DATABASE_CONNECT_TIMEOUT_MS = 5000;

  /** Whole request (headers and body) must arrive within this (Fastify requestTimeout); 0 = none. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600000) HTTP_REQUEST_TIMEOUT_MS = 30000;

  /** A socket idle this long is closed (Fastify connectionTimeout); 0 = none. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600000) HTTP_CONNECTION_TIMEOUT_MS = 120000;

  /** /health/ready fails while the read models are more than this many events behind the log. */
  @Transform(toInt) @IsInt() @Min(0) READY_MAX_LAG_EVENTS = 10000;

  /** An in-process projector or relay that crashed is restarted after a backoff that doubles up to this. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600000) WORKER_RESTART_MAX_BACKOFF_MS = 30000;

  /** Group commit: most appends (commands) one transaction takes, and the event count at which a group stops growing. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000) APPEND_GROUP_MAX_COMMANDS = 256;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000000) APPEND_GROUP_MAX_EVENTS = 5000;
  /** Groups under way at once: above 1, the next one waits for the append lock inside PostgreSQL while the previous one writes (helps large appends, costs small ones). */
  @Transform(toInt) @IsInt() @Min(1) @Max(8) APPEND_GROUPS_IN_FLIGHT = 1;

  /**
   * Bytes (approximate, as JSON) of folded reports the API keeps, least recently used first out;
   * 0 keeps none (every report folds its history again).
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(64 * 1024 * 1024 * 1024) REPORT_CACHE_MAX_BYTES = 512 * 1024 * 1024;

  @Transform(toInt) @IsInt() @Min(1) @Max(10000) PROJECTION_BATCH_SIZE = 500;

  @Transform(toInt) @IsInt() @Min(10) @Max(60000) PROJECTION_POLL_INTERVAL_MS = 1000;

  /** Kafka brokers, comma-separated; when set, Kafka is the log the projectors read. */
  @IsOptional() @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS?: string;

  @IsString() @Matches(/^[A-Za-z0-9._-]{1,249}$/, { message: 'KAFKA_TOPIC must be a valid Kafka topic name' }) KAFKA_TOPIC = 'saydo.events';

  @Transform(toInt) @IsInt() @Min(1) @Max(1000) KAFKA_PARTITIONS = 6;

  @IsString() KAFKA_CLIENT_ID = 'saydo';

  @IsString() KAFKA_PROJECTOR_GROUP = 'saydo-projector';

  /** How long a dead projector keeps its partitions before the group reassigns them (broker minimum 6000). */
  @Transform(toInt) @IsInt() @Min(6000) @Max(300000) KAFKA_SESSION_TIMEOUT_MS = 10000;

  /** In Kafka mode, also run the outbox relay / the projector inside the API process. */
  @Transform(toBool) @IsBoolean() RUN_OUTBOX_RELAY = true;
  @Transform(toBool) @IsBoolean() RUN_PROJECTOR = true;

  @Transform(toInt) @IsInt() @Min(1) @Max(10000) RELAY_BATCH_SIZE = 500;

  /**
   * Largest event a client may submit, in bytes of its JSON (413 event-too-large above it). Kafka
   * mode sizes the topic's max.message.bytes and the relay's requests from it, so a stored event
   * always fits one Kafka record; keep it well under the broker's 1 MB default.
   */
  @Transform(toInt) @IsInt() @Min(1024) @Max(8 * 1024 * 1024) MAX_EVENT_BYTES = 256 * 1024;

  @Transform(toInt) @IsInt() @Min(10) @Max(60000) RELAY_POLL_INTERVAL_MS = 500;

  /** A relay whose send the broker has not acknowledged for this long reports itself degraded (it keeps retrying). */
  @Transform(toInt) @IsInt() @Min(100) @Max(600000) RELAY_STALL_MS = 3000;

  /**
   * After a failed round, the store projector and the relay wait before the next try: 100 ms, then
   * doubling with each failure in a row up to this, jittered in the upper half of each step.
   */
  @Transform(toInt) @IsInt() @Min(100) @Max(600000) RETRY_MAX_BACKOFF_MS = 10000;

  /**
   * Attempts of a write that sent no expectedVersion when other writers keep moving the streams it
   * decided on: each attempt decides again on fresh state; after the last, 503 write-contention.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) WRITE_RETRY_LIMIT = 10;

  /** First backoff between such attempts; it doubles each time (full jitter, capped at 1 s). */
  @Transform(toInt) @IsInt() @Min(0) @Max(1000) WRITE_RETRY_BASE_DELAY_MS = 5;

  /**
   * How long a verified API key is trusted without asking the database again. Revoking through this
   * process takes effect at once; a key revoked by another process stops working within this time. 0: no cache.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60000) API_KEY_CACHE_TTL_MS = 5000;

  /** Apply pending migrations at start; false: refuse to start until `npm run migrate` ran. */
  @Transform(toBool) @IsBoolean() MIGRATE_AT_BOOT = true;

  /** On SIGINT/SIGTERM, how long the stop may take before the process gives up and exits 1. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600000) STOP_TIMEOUT_MS = 10000;

  /** An idempotency key answers replays this long; after it, the same key is a new request. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650) IDEMPOTENCY_KEY_TTL_DAYS = 30;

  /** Outbox rows are deleted this long after the relay marked them published. */
  @Transform(toInt) @IsInt() @Min(0) @Max(525600) OUTBOX_RETENTION_MINUTES = 60;

  /** How often the retention job runs, and how many rows it deletes per statement. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(86400000) RETENTION_INTERVAL_MS = 600000;
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) RETENTION_BATCH_SIZE = 1000;

  /**
   * The relay and the projector (which serve no API) answer GET /metrics on this port when set
   * (0 picks a free port); the API always serves /metrics on PORT.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;

  /** OpenTelemetry traces go by OTLP/HTTP to this collector (e.g. http://localhost:4318); unset, tracing is off. */
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /**
   * Requests per minute per client, across every route (health probes excepted): an anonymous client
   * is its address, an authenticated writer its API key.
   */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE = 1200;

  /** Of those, the expensive reads (reports, timelines, comparisons, dossiers, verify, export) a client may make per minute. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_EXPENSIVE_PER_MINUTE = 60;

  /** Expensive reads the process answers at once, and per client; past them, 503 `overloaded` (process) or 429 (client), with Retry-After. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) EXPENSIVE_READS_IN_FLIGHT = 2;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) EXPENSIVE_READS_PER_CLIENT = 1;

  /**
   * Which proxies to believe about the client's address (Fastify's trustProxy): `false` (the socket's
   * peer is the client), `true` (the left-most X-Forwarded-For), a hop count, or the proxies' addresses
   * and CIDR ranges, comma-separated.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9A-Fa-f:.\/]+(,[0-9A-Fa-f:.\/]+)*)$/, { message: 'TRUST_PROXY must be true, false, a hop count, or addresses/CIDRs separated by commas' })
  TRUST_PROXY = 'false';
}

export class ConfigError extends Error {}

/** Variables without a default (so absent from a fresh AppConfig's keys). */
const OPTIONAL_VARIABLES = ['DATABASE_URL', 'SAYDO_ADMIN_KEY', 'KAFKA_BROKERS', 'METRICS_PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => (known.includes(key) || OPTIONAL_VARIABLES.includes(key)) && value !== ''));
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}=${JSON.stringify(error.value)}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
