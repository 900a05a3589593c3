import { contentHash, PageWindow } from '@saydo/domain';
import { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { permalinkMomentOf, ReportMomentFields } from '../queries/report-moment';
import { ReportTime } from '../queries/stakeholder-report/stakeholder-report.request.dto';
import { AnswersInFlight } from './answers-in-flight';
import { PublishedAnswer, PublishedAnswers } from './published-answers';
import { ReportAnswer } from './report-answer';
import { reportPermalink } from './report-permalink';

/** A pinned answer never changes; a live one may change with the next event. */
export const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const LIVE_CACHE_CONTROL = 'public, max-age=5';

export type PublishedReport<T> = T & { permalink: string; contentHash: string };

/**
 * A report answer as an object, for the pages: the same `permalink` and `contentHash` as the bytes
 * `answerReport` sends for the same request (`publish` hashes the same serialisation).
 */
export function publishReport<T extends ReportMomentFields>(path: string, report: T): PublishedReport<T> {
  const withPermalink = { ...report, permalink: reportPermalink(path, report) };
  return { ...withPermalink, contentHash: contentHash(withPermalink) };
}

/** A published answer and the permalink it is published under. */
export interface SentAnswer {
  permalink: string;
  published: PublishedAnswer;
}

/** What a report route asks for: its path, its moment (`time`) and the window of its lists. */
export interface ReportRequest {
  path: string;
  pinned: boolean;
  time: ReportTime;
  page: PageWindow;
}

/** Where report answers come from before a fold: those already published, and those being folded. */
export interface ReportAnswers {
  published: PublishedAnswers;
  inFlight: AnswersInFlight<SentAnswer>;
  readModelPosition: () => Promise<number>;
}

/**
 * Answers a report request, the cheapest way that gives the same bytes:
 * 1. an answer already published under the permalink the request resolves to (a live request asked
 *    again before the next event or minute, a permalink asked again): one read of the read models'
 *    position, nothing charged;
 * 2. else, once the read is `charge`d to the client, the same answer being folded for another request
 *    (waited for, not folded again);
 * 3. else `fold` (which takes a place among the folds in flight only if it really folds, see
 *    `enterFold`), published under its own permalink.
 * The permalink is known before the fold unless knownAt is a timestamp, or a position with no date
 * (then the request folds alone). The answer of a live request folded while the read models moved on
 * names the later position; a request waiting for it is answered with it, as it would have been had
 * it arrived a moment later.
 *
 * The body gains its `permalink` and the SHA-256 of everything else (`contentHash`), and the headers
 * say the same (`Link: rel="canonical"`, `ETag`), with a cache lifetime that depends on whether the
 * request pinned both the position and the date. A matching `If-None-Match` gets 304 without a body.
 */
export async function answerReport(
  request: FastifyRequest,
  reply: FastifyReply,
  asked: ReportRequest,
  answers: ReportAnswers,
  { charge, fold }: { charge: () => Promise<void>; fold: () => Promise<ReportAnswer> },
): Promise<void> {
  const moment = permalinkMomentOf(await answers.readModelPosition(), asked.time);
  const expected = moment && reportPermalink(asked.path, moment, asked.page);
  const kept = expected ? answers.published.peek(expected) : undefined;
  if (expected && kept) return sendPublished(request, reply, { permalink: expected, published: kept }, asked.pinned);
  await charge();
  const publishFold = async (): Promise<SentAnswer> => {
    const answer = await fold();
    const permalink = reportPermalink(asked.path, answer.moment, asked.page);
    return { permalink, published: answers.published.answer(permalink, answer.serialise) };
  };
  const sent = expected ? (answers.inFlight.joined(expected) ?? answers.inFlight.lead(expected, publishFold)) : publishFold();
  await sendPublished(request, reply, await sent, asked.pinned);
}

async function sendPublished(request: FastifyRequest, reply: FastifyReply, { permalink, published }: SentAnswer, pinned: boolean): Promise<void> {
  reply.header('Link', `<${permalink}>; rel="canonical"`);
  reply.header('ETag', `"${published.contentHash}"`);
  reply.header('Cache-Control', pinned ? PINNED_CACHE_CONTROL : LIVE_CACHE_CONTROL);
  // Only If-None-Match: the origin evaluates it whatever the request's Cache-Control says (RFC 9110
  // section 13.2.1), and fetch() adds `no-cache` to every conditional request, which fresh() would
  // otherwise read as a reload.
  if (fresh({ 'if-none-match': request.headers['if-none-match'] }, { etag: `"${published.contentHash}"` })) {
    await reply.code(304).send();
    return;
  }
  await reply.type('application/json; charset=utf-8').send(published.bytes);
}
