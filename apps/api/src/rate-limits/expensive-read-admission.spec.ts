import { FastifyReply } from 'fastify';
import { EventEmitter } from 'node:events';
import { ClientBudgets } from './client-budgets';
import { admitExpensiveRead, expensiveReadAdmission } from './expensive-read-admission';
import { ExpensiveReadsInFlight } from './expensive-reads-in-flight';

const replyOf = () => ({ raw: new EventEmitter() }) as unknown as FastifyReply;
const budgets = (expensivePerMinute: number) => new ClientBudgets({ perMinute: 1000, expensivePerMinute });

describe('expensive read admission', () => {
  it('charges the budget and takes a place in flight apart; a request enters once however often it folds, and leaves when its answer is gone', async () => {
    const inFlight = new ExpensiveReadsInFlight({ perClient: 5, total: 1 });
    const reply = replyOf();
    const folding = expensiveReadAdmission(budgets(10), inFlight, 'address:a', reply);
    // charging alone takes no place in flight
    expect(await folding.charge()).toBeNull();
    const otherReply = replyOf();
    expect(await admitExpensiveRead(expensiveReadAdmission(budgets(10), inFlight, 'address:b', otherReply))).toBeNull();
    expect(folding.enter()?.slug).toBe('overloaded');
    // once the other read's answer is gone, this one enters, and entering again (a second stakeholder of a comparison) holds the same place
    otherReply.raw.emit('close');
    expect(folding.enter()).toBeNull();
    expect(folding.enter()).toBeNull();
    expect(inFlight.enter('address:c')).toBe('process');
    reply.raw.emit('close');
    expect(typeof inFlight.enter('address:c')).toBe('function');
  });

  it('refuses with 429 once the expensive budget is spent', async () => {
    const admission = expensiveReadAdmission(budgets(1), new ExpensiveReadsInFlight({ perClient: 1, total: 1 }), 'address:a', replyOf());
    expect(await admission.charge()).toBeNull();
    expect((await admission.charge())?.status).toBe(429);
  });
});
