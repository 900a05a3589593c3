import fc from 'fast-check';
import { Message } from 'kafkajs';
import { kafkaRecordBytes, splitByBytes } from './kafka-event-publisher';

const message = (valueBytes: number, key = 'k'): Message => ({ key, value: 'v'.repeat(valueBytes), headers: { saydo_position: '1' } });

describe('splitting relay sends by bytes', () => {
  it('keeps every message, in order, each request under the limit unless a message alone is bigger', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 60 }), fc.integer({ min: 2_000, max: 200_000 }), (sizes, limit) => {
        const messages = sizes.map((size, index) => message(size, String(index)));
        const requests = splitByBytes(messages, limit);
        expect(requests.flat()).toEqual(messages);
        for (const request of requests) {
          expect(request.length).toBeGreaterThan(0);
          const bytes = 1024 + request.reduce((sum, m) => sum + kafkaRecordBytes(m), 0);
          if (request.length > 1) expect(bytes).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  it('counts key, value and headers', () => {
    expect(kafkaRecordBytes(message(1000))).toBeGreaterThan(1000 + 'saydo_position'.length);
  });
});
