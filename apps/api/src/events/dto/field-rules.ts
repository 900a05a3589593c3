import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { parsePartialDate } from '@saydo/domain';
import { IsString, ValidateBy } from 'class-validator';

/** Length limits of the envelope's fields (event data limits are declared in the domain). */
export const LIMITS = { title: 500, quote: 2000, url: 2048, publisher: 200, sources: 20 } as const;

/** "2025", "2025-04", "2025-04-12" or an RFC 3339 instant with offset. */
export function IsPartialDate(description: string, example: string, options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ description: `${description} As precise as known: "2025", "2025-04", "2025-04-12" or an RFC 3339 instant.`, example, ...options } as ApiPropertyOptions),
    IsString(),
    ValidateBy({
      name: 'isPartialDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parsePartialDate(value) !== null,
        defaultMessage: () => '$property must be a date as precise as known: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with offset',
      },
    }),
  );
}
