import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * The largest position, version or count the API reads: 2^53 - 1, the largest integer JSON and
 * JavaScript carry exactly (PostgreSQL's bigint goes further, but no client could name it).
 */
export const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * A query parameter that must be a whole number in [min, max], written in decimal digits only:
 * "1e21", "9223372036854775808", "-1", "1.5" or "" stay text and fail with the field named,
 * instead of reaching PostgreSQL as a number it refuses.
 */
export function QueryInteger(options: { min: number; max?: number; description?: string; default?: number }) {
  const { min, max = MAX_INTEGER } = options;
  const message = `$property must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, description: options.description, default: options.default }),
    Transform(({ value }) => (typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value)),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}
