import { FastifyRequest } from 'fastify';
import { ProblemException } from '../problems/problem';
import { ReadRefusal } from './expensive-read-admission';

/**
 * Called by a report route once its answer was not found among those already published: the read
 * spends the client's expensive budget (a viral page asked again and again at one position is
 * served from the published answer without spending it). The place in flight is taken only if
 * the read turns out to fold (`enterFold`).
 */
export async function chargeReportRead(request: FastifyRequest): Promise<void> {
  refuseWith(await request.expensiveRead?.charge());
}

/**
 * Called just before a report read folds (reads a history and runs the domain's fold): only folds
 * take a place among the reads in flight. A request that waits for the same answer being folded by
 * another, or judges a kept fold at a new instant, holds none, so it is never refused as overloaded.
 */
export function enterFold(request: FastifyRequest): void {
  refuseWith(request.expensiveRead?.enter());
}

function refuseWith(refusal: ReadRefusal | null | undefined): void {
  if (refusal) {
    throw new ProblemException(refusal.slug, refusal.title, refusal.status, refusal.detail, { retryAfterSeconds: refusal.retryAfterSeconds }, { 'Retry-After': String(refusal.retryAfterSeconds) });
  }
}
