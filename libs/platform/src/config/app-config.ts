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

  @Transform(toInt) @IsInt() @Min(10) @Max(60000) RELAY_POLL_INTERVAL_MS = 500;

  /** Requests per minute per client address. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE = 1200;
}

export class ConfigError extends Error {}

/** Variables without a default (so absent from a fresh AppConfig's keys). */
const OPTIONAL_VARIABLES = ['DATABASE_URL', 'SAYDO_ADMIN_KEY', 'KAFKA_BROKERS'];

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
