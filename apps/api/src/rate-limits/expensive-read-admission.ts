import { FastifyReply } from 'fastify';
import { ClientBudgets } from './client-budgets';
import { ExpensiveReadsInFlight } from './expensive-reads-in-flight';

/** Why an expensive read was refused, as the problem to answer with. */
export interface ReadRefusal {
  status: 429 | 503;
  slug: string;
  title: string;
  detail: string;
  retryAfterSeconds: number;
}

/**
 * The two halves of admitting an expensive read: `charge` spends the client's per-minute budget for
 * it; `enter` takes a place among the reads in flight (for the client and for the process), held
 * until the answer is gone. A second `enter` for the same request holds the same place.
 */
export interface ExpensiveReadAdmission {
  charge(): Promise<ReadRefusal | null>;
  enter(): ReadRefusal | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the rate-limit hook on report routes: admits the read once it proves expensive (see report-read-admission.ts). */
    expensiveRead?: ExpensiveReadAdmission;
  }
}

export function expensiveReadAdmission(budgets: ClientBudgets, inFlight: ExpensiveReadsInFlight, client: string, reply: FastifyReply): ExpensiveReadAdmission {
  let entered = false;
  return {
    async charge() {
      const retryAfterSeconds = await budgets.chargeExpensive(client);
      if (retryAfterSeconds === null) return null;
      return { status: 429, slug: 'rate-limited', title: 'Too many requests', detail: 'too many expensive reads (reports, timelines, comparisons, dossiers, audits) from this client; retry later', retryAfterSeconds };
    },
    enter() {
      if (entered) return null;
      const place = inFlight.enter(client);
      if (place === 'client') return { status: 429, slug: 'rate-limited', title: 'Too many requests', detail: 'this client already has an expensive read in progress; wait for its answer', retryAfterSeconds: 1 };
      if (place === 'process') return { status: 503, slug: 'overloaded', title: 'Too many expensive reads in progress', detail: 'the service is answering as many expensive reads as it can; retry shortly', retryAfterSeconds: 1 };
      entered = true;
      // 'close' comes once the answer is sent or the client went away, whichever happens.
      reply.raw.once('close', place);
      return null;
    },
  };
}

/** Both halves at once, for the expensive reads that always scan (audit). */
export async function admitExpensiveRead(admission: ExpensiveReadAdmission): Promise<ReadRefusal | null> {
  return (await admission.charge()) ?? admission.enter();
}
