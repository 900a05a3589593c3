import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { isSlug, parsePartialDate, SLUG_MAX_LENGTH, SLUG_PATTERN } from '@saydo/domain';
import { ArrayMaxSize, IsArray, IsString, Length, Matches, ValidateBy } from 'class-validator';

/** Length limits of text fields, in one place (documented in OpenAPI through the decorators). */
export const LIMITS = { name: 200, title: 500, text: 5000, quote: 2000, url: 2048, publisher: 200, topic: 60, topics: 20, parties: 50, sources: 20 } as const;

/** A client-chosen id: lowercase letters, digits and dashes. */
export function IsSlugId(description: string, example: string) {
  return applyDecorators(
    ApiProperty({ description, example, pattern: SLUG_PATTERN.source, maxLength: SLUG_MAX_LENGTH }),
    IsString(),
    Matches(SLUG_PATTERN, { message: '$property must be a slug: lowercase letters, digits and dashes, not starting or ending with a dash' }),
    Length(1, SLUG_MAX_LENGTH),
  );
}

export function IsText(max: number, description: string, example: string) {
  return applyDecorators(ApiProperty({ description, example, minLength: 1, maxLength: max }), IsString(), Length(1, max));
}

/** A list of client-chosen ids (counterparties). */
export function IsSlugList(description: string, example: string[], maxItems: number) {
  return applyDecorators(
    ApiProperty({ description, example, type: [String], maxItems }),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateBy({
      name: 'isSlugList',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every((id) => typeof id === 'string' && isSlug(id)),
        defaultMessage: () => '$property must list slugs: lowercase letters, digits and dashes',
      },
    }),
  );
}

/** Topics are slugs so that commitments and actions on the same subject match exactly. */
export function IsTopics(example: string[]) {
  return applyDecorators(
    ApiProperty({ description: 'Topic slugs', example, type: [String], maxItems: LIMITS.topics }),
    IsArray(),
    ArrayMaxSize(LIMITS.topics),
    ValidateBy({
      name: 'isTopicList',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every((topic) => typeof topic === 'string' && topic.length <= LIMITS.topic && isSlug(topic)),
        defaultMessage: () => `each topic must be a slug of at most ${LIMITS.topic} characters`,
      },
    }),
  );
}

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
