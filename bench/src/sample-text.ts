import { SeededRandom } from './seeded-random';

/** Vocabulary for realistic-looking payloads: sizes and shapes close to what editors submit. */
const ORGANISATIONS = ['Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent'];
const SUFFIXES = ['Labs', 'Industries', 'Holdings', 'Group', 'Ministry of Defence', 'Energy', 'Systems', 'Foundation'];
const TOPICS = ['surveillance', 'weapons', 'emissions', 'privacy', 'labour', 'safety', 'open-source', 'elections', 'health', 'supply-chain', 'water', 'ai-safety'];
const VERBS = ['will not', 'commits to', 'pledges to', 'promises to', 'intends to', 'will never'];
const OBJECTS = [
  'sell facial recognition to law enforcement agencies',
  'reach net zero emissions across its data centres',
  'publish the weights of its frontier models',
  'allow its models to be used for autonomous weapons',
  'pay every contractor a living wage',
  'disclose all government data requests twice a year',
  'audit its supply chain for forced labour',
  'stop political advertising before national elections',
];
const PUBLISHERS = ['Reuters', 'The Guardian', 'Financial Times', 'Le Monde', 'Associated Press', 'Bloomberg', 'Der Spiegel', 'The Verge'];
const RATIONALES = [
  'The contract explicitly covers the use the commitment excluded; the scope matches the pledge word for word.',
  'Delivery covers part of the pledge only: two of the five sites named in the announcement are included.',
  'The counterparty is a defence agency and the stated purpose overlaps with the red line, though not entirely.',
  'Independent reporting confirms the action was carried out within the period the commitment named.',
];

export function organisationName(random: SeededRandom, index: number): string {
  return `${random.pick(ORGANISATIONS)} ${random.pick(SUFFIXES)} ${index}`;
}

export function topics(random: SeededRandom): string[] {
  return random.sample(TOPICS, random.int(1, 3));
}

export function commitmentText(random: SeededRandom, owner: string): string {
  return `${owner} ${random.pick(VERBS)} ${random.pick(OBJECTS)}, according to a statement made at its annual shareholder meeting.`;
}

export function contractTitle(random: SeededRandom, topic: string): string {
  return `Multi-year ${topic} services agreement, framework contract lot ${random.int(1, 40)}`;
}

export function rationale(random: SeededRandom): string {
  return random.pick(RATIONALES);
}

export function partialDateText(random: SeededRandom): string {
  const year = random.int(2018, 2025);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const roll = random.next();
  if (roll < 0.1) return String(year);
  if (roll < 0.4) return `${year}-${month}`;
  if (roll < 0.9) return `${year}-${month}-${day}`;
  return `${year}-${month}-${day}T${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`;
}

/** Sources shaped like the domain's `Source` (url, publisher, title, publishedAt, quote). */
export function sources(random: SeededRandom, count: number, about: string): Array<Record<string, string>> {
  return Array.from({ length: count }, () => {
    const publisher = random.pick(PUBLISHERS);
    const id = random.int(100_000, 999_999);
    return {
      url: `https://news.example.org/${publisher.toLowerCase().replace(/\s+/g, '-')}/${id}`,
      publisher,
      title: `${about}: what the filings show (${id})`,
      publishedAt: partialDateText(random).slice(0, 10),
      quote: `"We have been clear with our partners about what we will and will not do," a spokesperson for ${about} said in a statement.`,
    };
  });
}
