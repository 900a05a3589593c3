import { CommitmentReport, PageWindow, SayDoReport } from '@saydo/domain';
import { ReportMomentFields } from '../queries/report-moment';
import { pagedReport } from './paged-answers';
import { signed } from './published-answers';
import { ReportAnswer } from './report-answer';

/**
 * Each judged commitment's serialised bytes on a report page, by the page's `limit` (its own lists
 * are cut to it). A kept fold judged again at a new instant gives back the same commitment objects
 * wherever the status did not turn (`judgeSayDoReport`), so their bytes are not serialised again.
 * Weak: the bytes go with the kept fold (roughly doubling what a kept fold holds).
 */
const COMMITMENT_BYTES = new WeakMap<CommitmentReport, Map<number, Buffer>>();

/** The member that the commitments' bytes are spliced into; it cannot occur inside a JSON string (quotes there are escaped). */
const COMMITMENTS_MEMBER = '"commitments":[';

/**
 * A page of a stakeholder's report, serialised to the bytes `publish(pagedReport(...), permalink)`
 * gives: the page without its commitments is stringified (its first `"commitments":[]` is the
 * report's own member: only `stakeholder`, with fixed members, precedes it), and each commitment's
 * bytes are spliced in, kept from an earlier judgement where it was the same object. When only the
 * judgement instant moved, a ~500-event report is re-serialised in its summary and small lists
 * rather than in its hundreds of kilobytes of commitments.
 */
export function reportPageAnswer(path: string, report: SayDoReport & ReportMomentFields, window: PageWindow): ReportAnswer {
  const body = pagedReport(path, report, window);
  return {
    moment: body,
    serialise(permalink) {
      const onPage = report.commitments.slice(window.offset, window.offset + window.limit);
      const commitments = onPage.map((commitment, n) => commitmentBytes(commitment, window.limit, () => JSON.stringify(body.commitments[n])));
      const shell = JSON.stringify({ ...body, commitments: [], permalink });
      const splice = shell.indexOf(`${COMMITMENTS_MEMBER}]`) + COMMITMENTS_MEMBER.length;
      const parts: Buffer[] = [Buffer.from(shell.slice(0, splice))];
      commitments.forEach((bytes, n) => parts.push(...(n > 0 ? [COMMA, bytes] : [bytes])));
      parts.push(Buffer.from(shell.slice(splice)));
      return signed(parts);
    },
  };
}

const COMMA = Buffer.from(',');

function commitmentBytes(commitment: CommitmentReport, limit: number, serialise: () => string): Buffer {
  let byLimit = COMMITMENT_BYTES.get(commitment);
  if (!byLimit) COMMITMENT_BYTES.set(commitment, (byLimit = new Map()));
  let bytes = byLimit.get(limit);
  if (!bytes) byLimit.set(limit, (bytes = Buffer.from(serialise())));
  return bytes;
}
