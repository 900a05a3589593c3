import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsPartialDate, LIMITS } from './field-rules';

/** The evidence for a fact. */
export class SourceDto {
  @ApiProperty({ description: 'Absolute http(s) URL of the report', example: 'https://www.example.org/2026/03/09/resignation', maxLength: LIMITS.url })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an absolute http(s) URL' })
  @MaxLength(LIMITS.url)
  url!: string;

  @ApiProperty({ example: 'Example News', maxLength: LIMITS.publisher })
  @IsString()
  @Length(1, LIMITS.publisher)
  publisher!: string;

  @ApiProperty({ example: 'Head of robotics resigns over Pentagon agreement', maxLength: LIMITS.title })
  @IsString()
  @Length(1, LIMITS.title)
  title!: string;

  @IsPartialDate('When the source was published.', '2026-03-09')
  publishedAt!: string;

  @ApiProperty({ description: 'The words that support the fact', example: 'rushed without the guardrails defined', maxLength: LIMITS.quote })
  @IsString()
  @Length(1, LIMITS.quote)
  quote!: string;
}
