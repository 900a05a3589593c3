import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The HTTP peer: a bare Fastify route that parses the same JSON body the API gets and inserts it
 * as one row (autocommit), with no validation, decision, hash chain, outbox or idempotency. Run as
 * its own process by the bench (DATABASE_URL, TABLE, PORT, HOST, POOL_SIZE).
 */
const TABLE = process.env.TABLE ?? 'bench_bare_http';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10), application_name: 'saydo-bench-bare' });
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ status: 'ok' }));
  app.post('/events', async (request, reply) => {
    const { rows } = await pool.query<{ id: string }>(`INSERT INTO ${TABLE} (body) VALUES ($1) RETURNING id`, [request.body]);
    return reply.code(201).send({ id: Number(rows[0].id) });
  });
  await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
