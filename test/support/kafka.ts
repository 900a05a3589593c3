import { randomBytes } from 'node:crypto';
import { KafkaSettings } from '@saydo/messaging';
import { Kafka, logLevel } from 'kafkajs';

/** The run's broker (started by the global setup). */
export function testBrokers(): string {
  const brokers = process.env.SAYDO_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('no Kafka broker: the jest global setup should have started one');
  return brokers;
}

/** Settings with a topic and group of their own, so suites never see each other's messages. */
export function isolatedKafkaSettings(partitions = 6): KafkaSettings {
  const suffix = randomBytes(4).toString('hex');
  return { brokers: testBrokers().split(','), clientId: `saydo-test-${suffix}`, topic: `saydo.test.${suffix}`, partitions, projectorGroup: `saydo-test-projector-${suffix}` };
}

export function testKafka(): Kafka {
  return new Kafka({ clientId: 'saydo-test', brokers: testBrokers().split(','), logLevel: logLevel.NOTHING });
}

/** Every message of a topic, read with a throwaway consumer from the beginning. */
export async function readTopic(topic: string, expected: number, timeoutMs = 20_000) {
  const consumer = testKafka().consumer({ groupId: `reader-${randomBytes(4).toString('hex')}` });
  const messages: Array<{ partition: number; offset: string; key: string; value: string; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${messages.length} of ${expected} messages from ${topic}`)), timeoutMs);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        messages.push({ partition, offset: message.offset, key: String(message.key), value: String(message.value), headers });
        if (messages.length >= expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  try {
    await done;
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
