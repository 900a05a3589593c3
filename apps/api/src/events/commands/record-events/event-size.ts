/**
 * The submitted events whose JSON is over the limit, with their place in the request. The event
 * stored (and published to Kafka) is this JSON plus an envelope of bounded size, which the topic
 * and the relay allow for (EVENT_ENVELOPE_BYTES).
 */
export function oversizedEvents(submissions: readonly unknown[], path: string, maxEventBytes: number): Array<{ field: string; bytes: number }> {
  const oversized: Array<{ field: string; bytes: number }> = [];
  submissions.forEach((submission, index) => {
    const bytes = Buffer.byteLength(JSON.stringify(submission));
    if (bytes > maxEventBytes) oversized.push({ field: path ? `${path}[${index}]` : '', bytes });
  });
  return oversized;
}
