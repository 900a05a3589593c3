import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsString, ValidateBy } from 'class-validator';
import { isPartialDateText } from './envelope-limits';

export { LIMITS } from './envelope-limits';

/** "2025", "2025-04", "2025-04-12" or an RFC 3339 instant with offset. */
export function IsPartialDate(description: string, example: string, options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ description: `${description} As precise as known: "2025", "2025-04", "2025-04-12" or an RFC 3339 instant.`, example, ...options } as ApiPropertyOptions),
    IsString(),
    ValidateBy({
      name: 'isPartialDate',
      validator: {
        validate: isPartialDateText,
        defaultMessage: () => '$property must be a date as precise as known: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with offset',
      },
    }),
  );
}
