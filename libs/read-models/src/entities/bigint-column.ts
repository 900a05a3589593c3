import { ColumnOptions } from 'typeorm';

/** Log positions are bigint in SQL and number in TypeScript (2^53 events is out of reach). */
export function bigintColumn(name: string): ColumnOptions {
  return { type: 'bigint', name, transformer: { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) } };
}
