import { SaydoClient } from './saydo-client';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A few lines from the reports themselves, so the reader sees what the data says before opening them. */
export async function printHeadlines(client: SaydoClient, position: number): Promise<void> {
  for (const stakeholderId of ['openai', 'anthropic']) {
    const response = await client.read(`/v1/stakeholders/${stakeholderId}/report`, position);
    if (response.status !== 200) {
      console.log(`  ${stakeholderId}: report unavailable (${response.status})`);
      continue;
    }
    const report = response.body;
    console.log(`  ${report.stakeholder.name}: ${report.summary.sayDo.statement}; ${plural(report.summary.suggestions, 'suggested link')} awaiting an editor`);
    for (const c of report.commitments) {
      const notes = [
        plural(c.links.length, 'assessed link'),
        c.suggestions.length ? plural(c.suggestions.length, 'suggestion') : '',
        c.citedBy.length ? `cited by ${plural(c.citedBy.length, 'departure')}` : '',
      ].filter(Boolean);
      console.log(`    ${c.kind === 'red_line' ? 'red line' : 'pledge  '}  ${c.status.padEnd(14)} ${c.commitmentId.padEnd(32)} ${notes.join(', ')}`);
    }
    if (report.reactions.length) {
      for (const r of report.reactions) console.log(`    reaction  ${r.title} (${r.details.figure ?? '?'} ${r.details.unit ?? ''}, ${r.details.certainty}, ${r.occurredAt.label})`);
    }
  }
  for (const topic of ['surveillance', 'autonomous-weapons']) {
    const response = await client.read(`/v1/topics/${topic}/comparison`, position);
    if (response.status !== 200) continue;
    const side = response.body.stakeholders.map((s: any) => `${s.stakeholder.name} ${s.commitments.map((c: any) => c.status).join('/')}`);
    console.log(`  On ${topic}: ${side.join(' | ')}`);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
