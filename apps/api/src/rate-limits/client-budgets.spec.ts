import { ClientBudgets } from './client-budgets';

const spend = async (budgets: ClientBudgets, client: string, expensive: boolean, times: number) => {
  const answers: Array<number | null> = [];
  for (let i = 0; i < times; i++) answers.push(await charge(budgets, client, expensive));
  return answers;
};

/** As the rate-limit hook charges a request, and an expensive read on top when it is admitted. */
const charge = async (budgets: ClientBudgets, client: string, expensive: boolean) => (await budgets.charge(client)) ?? (expensive ? budgets.chargeExpensive(client) : null);

describe('ClientBudgets', () => {
  it('given a client that spent its budget, refuses its next request with the seconds to wait (at most a minute)', async () => {
    const budgets = new ClientBudgets({ perMinute: 3, expensivePerMinute: 3 });
    expect(await spend(budgets, 'address:10.0.0.1', false, 3)).toEqual([null, null, null]);
    const retry = await charge(budgets, 'address:10.0.0.1', false);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
  });

  it('counts each client apart: another address or a key keeps its whole budget', async () => {
    const budgets = new ClientBudgets({ perMinute: 2, expensivePerMinute: 2 });
    await spend(budgets, 'address:10.0.0.1', false, 3);
    expect(await spend(budgets, 'address:10.0.0.2', false, 2)).toEqual([null, null]);
    expect(await spend(budgets, 'key:writer', false, 2)).toEqual([null, null]);
  });

  it('refuses expensive reads past their tighter budget while cheap requests still pass, and expensive reads draw on the general budget', async () => {
    const budgets = new ClientBudgets({ perMinute: 5, expensivePerMinute: 2 });
    expect(await spend(budgets, 'address:10.0.0.1', true, 2)).toEqual([null, null]);
    expect(await charge(budgets, 'address:10.0.0.1', true)).not.toBeNull();
    // 3 charged to the general budget so far: 2 cheap requests remain.
    expect(await spend(budgets, 'address:10.0.0.1', false, 3)).toEqual([null, null, expect.any(Number)]);
  });
});
