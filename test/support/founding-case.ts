import { resolve } from 'node:path';
import { loadDataset } from '../../demo/dataset';
import { ADMIN_KEY, TestApp } from './test-app';

/** Posts the founding case (demo/founding-case.json) as the demo does, through the API; returns the last position. */
export async function loadFoundingCase(t: TestApp): Promise<number> {
  const dataset = loadDataset(resolve(__dirname, '../../demo/founding-case.json'));
  const created = await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'founding-case', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  if (created.statusCode !== 201) throw new Error(`no editor key: ${created.body}`);
  const loaded = await t.inject({
    method: 'POST',
    url: '/v1/event-batches',
    payload: { events: dataset.events },
    headers: { authorization: `Bearer ${created.json().key}`, 'idempotency-key': dataset.idempotencyKey },
  });
  if (loaded.statusCode !== 201) throw new Error(`the founding case was refused: ${loaded.body}`);
  const appended = loaded.json().events as Array<{ position: number }>;
  const position = appended[appended.length - 1].position;
  const ready = await t.inject(`/v1/stakeholders?waitForPosition=${position}`);
  if (ready.statusCode !== 200) throw new Error(`read models did not reach ${position}: ${ready.body}`);
  return position;
}
