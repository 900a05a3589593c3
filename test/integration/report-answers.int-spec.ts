import { buildSayDoReport, DecidedEvent } from '@saydo/domain';
import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition, StoreProjectionRunner } from '@saydo/read-models';
import fc from 'fast-check';
import Fastify, { FastifyInstance, FastifyRequest } from 'fastify';
import { ClientBudgets } from '../../apps/api/src/rate-limits/client-budgets';
import { expensiveReadAdmission } from '../../apps/api/src/rate-limits/expensive-read-admission';
import { ExpensiveReadsInFlight } from '../../apps/api/src/rate-limits/expensive-reads-in-flight';
import { AnswersInFlight } from '../../apps/api/src/reports/http/answers-in-flight';
import { pagedReport } from '../../apps/api/src/reports/http/paged-answers';
import { reportPageAnswer } from '../../apps/api/src/reports/http/report-page-answer';
import { publish, PublishedAnswers } from '../../apps/api/src/reports/http/published-answers';
import { reportPermalink } from '../../apps/api/src/reports/http/report-permalink';
import { answerReport, SentAnswer } from '../../apps/api/src/reports/http/send-report';
import { reportAtMoment } from '../../apps/api/src/reports/queries/fold-cache/report-at-moment';
import { StakeholderFoldCache } from '../../apps/api/src/reports/queries/fold-cache/stakeholder-fold.cache';
import { inReadModelSnapshot } from '../../apps/api/src/reports/queries/read-model-snapshot';
import { readReportEvents } from '../../apps/api/src/reports/queries/report-events.reader';
import { momentFields, resolveMoment } from '../../apps/api/src/reports/queries/report-moment';
import { decideHistory, historySteps, ORGS, PERSON } from '../../libs/domain/src/testing/report-history';
import { sequentialDecider } from '../support/sequential-decider';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const NAMES = ALL_PROJECTIONS.map((p) => p.name);

function toNewEvent(decided: DecidedEvent): NewEvent {
  return {
    eventId: decided.eventId, streamId: decided.streamId, type: decided.type, schemaVersion: decided.schemaVersion, data: decided.data,
    metadata: { sources: decided.sources.map((source) => ({ ...source })), subjects: decided.subjects }, occurredAt: decided.occurredAt,
  };
}

/**
 * The stakeholder report route as the API wires it (published answers, single flight, kept folds, a
 * place among the folds in flight taken only by a fold), on a real database, with hooks that count
 * and hold the folds. The Nest controller only adds validation and the 404 around the same calls.
 */
class ReportRoute {
  readonly published = new PublishedAnswers(64 * 1024 * 1024);
  readonly inFlight = new AnswersInFlight<SentAnswer>();
  readonly folds = new StakeholderFoldCache(64 * 1024 * 1024);
  readonly places: ExpensiveReadsInFlight;
  readonly app: FastifyInstance;
  readonly store: PostgresEventStore;
  readonly runner: StoreProjectionRunner;
  /** Answers folded (the route's fold ran), and histories read and folded (`beforeFold` called). */
  answered = 0;
  historiesFolded = 0;
  /** Awaited by every fold before it reads anything. */
  hold: Promise<void> = Promise.resolve();

  constructor(
    readonly db: TestDatabase,
    placesInFlight: number,
  ) {
    this.store = new PostgresEventStore(db.pool);
    this.runner = new StoreProjectionRunner(db.pool, this.store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { batchSize: 100, pollIntervalMs: 60_000 });
    this.places = new ExpensiveReadsInFlight({ perClient: 1000, total: placesInFlight });
    const budgets = new ClientBudgets({ perMinute: 1_000_000, expensivePerMinute: 1_000_000 });
    this.app = Fastify();
    this.app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => reply.code(error.statusCode ?? 500).send({ slug: error.message }));
    this.app.get<{ Params: { id: string }; Querystring: { date?: string; offset?: string; limit?: string } }>('/v1/stakeholders/:id/report', async (request, reply) => {
      request.expensiveRead = expensiveReadAdmission(budgets, this.places, `address:${request.headers['x-client'] ?? 'a'}`, reply);
      const path = `/v1/stakeholders/${request.params.id}/report`;
      const window = { offset: Number(request.query.offset ?? 0), limit: Number(request.query.limit ?? 100) };
      const time = { date: request.query.date };
      await answerReport(request, reply, { path, pinned: false, time, page: window }, this.answers(), {
        charge: async () => undefined,
        fold: async () => {
          this.answered += 1;
          await this.hold;
          const report = await this.report(request, request.params.id, time);
          if (!report) throw Object.assign(new Error('not-found'), { statusCode: 404 });
          return reportPageAnswer(path, report, window);
        },
      });
      return reply;
    });
  }

  async append(events: readonly DecidedEvent[]): Promise<number> {
    if (events.length > 0) await this.store.append(events.map(toNewEvent), { principal: 'key:editor', expectedVersions: new Map() });
    return this.runner.catchUp();
  }

  get(url: string, client = 'a') {
    return this.app.inject({ method: 'GET', url, headers: { 'x-client': client } });
  }

  /** The bytes a fresh fold of the whole history answers for the same request, as published. */
  fresh(stakeholderId: string, date: string, window = { offset: 0, limit: 100 }): Promise<Buffer | null> {
    const path = `/v1/stakeholders/${stakeholderId}/report`;
    return inReadModelSnapshot(this.db.dataSource, async (manager, position) => {
      const moment = await resolveMoment(manager, position, { date });
      const report = buildSayDoReport(stakeholderId, await readReportEvents(manager, stakeholderId, moment.position), moment.judgedAt, moment.position);
      if (!report) return null;
      const body = pagedReport(path, { ...report, ...momentFields(moment) }, window);
      return publish(body, reportPermalink(path, body, window)).bytes;
    });
  }

  /** StakeholderReportHandler's read, with `enterFold`'s refusal as a plain error. */
  private report(request: FastifyRequest, stakeholderId: string, time: { date?: string }) {
    return inReadModelSnapshot(this.db.dataSource, async (manager, position) => {
      const moment = await resolveMoment(manager, position, time);
      const report = await reportAtMoment(this.folds, manager, stakeholderId, moment, () => {
        this.historiesFolded += 1;
        const refusal = request.expensiveRead?.enter();
        if (refusal) throw Object.assign(new Error(refusal.slug), { statusCode: refusal.status });
      });
      return report && { ...report, ...momentFields(moment) };
    });
  }

  private answers() {
    return { published: this.published, inFlight: this.inFlight, readModelPosition: () => readModelPosition(this.db.pool, NAMES) };
  }
}


/** o0 with red lines, pledges due on either side of 2026-06, and o1's contracts assessed against them. */
function busyStakeholder(): DecidedEvent[] {
  const decide = sequentialDecider();
  const events = [
    decide('StakeholderRegistered', { stakeholderId: 'o0', name: 'O0', kind: 'organization' }),
    decide('StakeholderRegistered', { stakeholderId: 'o1', name: 'O1', kind: 'organization' }),
  ];
  for (let n = 0; n < 20; n += 1) {
    events.push(decide(n % 2 ? 'PledgeMade' : 'RedLineStated', { commitmentId: `c${n}`, stakeholderId: 'o0', text: `Commitment ${n}`, topics: ['t1', `t${n}`], ...(n % 2 ? { dueBy: n % 4 === 1 ? '2026-03' : '2027-01' } : {}) }));
    events.push(decide('ContractSigned', { actionId: `a${n}`, stakeholderId: n % 3 ? 'o0' : 'o1', counterpartyIds: [], title: `Deal ${n}`, topics: ['t1'] }));
    events.push(decide('AssessmentRecorded', { commitmentId: `c${n}`, actionId: `a${n}`, relation: n % 2 ? 'upholds' : 'strains', rationale: 'r' }, []));
  }
  return events;
}

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let n = 0; n < 500 && !condition(); n += 1) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('report answers under concurrent readers', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('folds an answer missed by 16 concurrent readers once: none is refused by the bound on folds in flight, all get the same bytes, those of a fresh fold', async () => {
    // given a busy stakeholder, nothing published, and room for one fold in flight
    const route = new ReportRoute(db, 1);
    await route.append(busyStakeholder());
    let release!: () => void;
    route.hold = new Promise((resolve) => (release = resolve));
    // when 16 readers (distinct clients) ask for its report at once, while the first fold is held
    const url = '/v1/stakeholders/o0/report?date=2026-06-01';
    const answers = Promise.all(Array.from({ length: 16 }, (_, n) => route.get(url, `reader-${n}`)));
    await waitUntil(() => route.answered > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const responses = await answers;
    // then one answer was folded, from one history, and everyone got it
    expect(responses.map((response) => response.statusCode)).toEqual(Array(16).fill(200));
    expect(route.answered).toBe(1);
    expect(route.historiesFolded).toBe(1);
    expect(new Set(responses.map((response) => response.headers.etag)).size).toBe(1);
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(responses[0].rawPayload.equals((await route.fresh('o0', '2026-06-01'))!)).toBe(true);
    expect(JSON.parse(responses[0].body).contentHash).toBe(responses[0].headers.etag!.replace(/"/g, ''));
    expect(route.inFlight.size).toBe(0);
  });

  it('judges a kept fold at a new instant without taking a place among the folds in flight; a fold of another stakeholder is refused while the place is held', async () => {
    const route = new ReportRoute(db, 1);
    await route.append(busyStakeholder());
    // given o0's fold kept by a first answer
    expect((await route.get('/v1/stakeholders/o0/report?date=2026-01-01')).statusCode).toBe(200);
    expect(route.historiesFolded).toBe(1);
    // and the one place in flight held by another client's read
    const held = route.places.enter('address:elsewhere');
    expect(typeof held).toBe('function');
    // when o0's report is asked at other instants (the live minute turned), it is judged from the kept fold
    for (const date of ['2026-06-01', '2027-02-01']) {
      const response = await route.get(`/v1/stakeholders/o0/report?date=${date}`);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals((await route.fresh('o0', date))!)).toBe(true);
    }
    expect(route.historiesFolded).toBe(1);
    // while o1's report, never folded, needs the place and is refused
    const refused = await route.get('/v1/stakeholders/o1/report?date=2026-06-01');
    expect(refused.statusCode).toBe(503);
    (held as () => void)();
    expect((await route.get('/v1/stakeholders/o1/report?date=2026-06-01')).statusCode).toBe(200);
  });

  it('answers, from kept folds and published answers, the bytes a fresh fold answers: random histories, instants and pages', async () => {
    const stakeholders = [...ORGS, PERSON];
    const instants = ['2025-01-01', '2025-07-01', '2027-01-01'];
    await fc.assert(
      fc.asyncProperty(historySteps, fc.array(fc.nat(8), { minLength: 1, maxLength: 5 }), fc.nat(100), fc.integer({ min: 1, max: 4 }), async (steps, chunks, seed, limit) => {
        const history = decideHistory(steps);
        const drop = db;
        db = await createTestDatabase();
        await drop.drop();
        const route = new ReportRoute(db, 1000);
        for (let from = 0, c = 0; from < history.length; c += 1) {
          const size = 1 + (chunks[c % chunks.length] ?? 0);
          await route.append(history.slice(from, from + size));
          from += size;
          // each stakeholder asked at two instants (the second judged from the kept fold), twice (the second published), on two pages
          for (const [n, stakeholderId] of stakeholders.entries()) {
            for (const date of [instants[(seed + n + c) % 3], instants[(seed + n + c + 1) % 3]]) {
              for (const window of [{ offset: 0, limit: 100 }, { offset: limit, limit }]) {
                const url = `/v1/stakeholders/${stakeholderId}/report?date=${date}&offset=${window.offset}&limit=${window.limit}`;
                const expected = await route.fresh(stakeholderId, date, window);
                for (let again = 0; again < 2; again += 1) {
                  const response = await route.get(url);
                  if (expected === null) expect(response.statusCode).toBe(404);
                  else expect(response.rawPayload.toString('utf8')).toBe(expected.toString('utf8'));
                }
              }
            }
          }
        }
      }),
      { numRuns: 6, seed: process.env.REPORT_ANSWERS_SEED ? Number(process.env.REPORT_ANSWERS_SEED) : undefined, endOnFailure: true },
    );
  }, 360_000);
});
