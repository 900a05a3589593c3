import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({ description: 'BCP 47 language of the source', example: 'fr' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 tag such as fr or en-US' })
  language?: string;

  @ApiPropertyOptional({ description: 'An archived copy (absolute http(s) URL)', example: 'https://web.archive.org/web/2026/https://www.example.org/article' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'archiveUrl must be an absolute http(s) URL' })
  @MaxLength(LIMITS.url)
  archiveUrl?: string;

  @ApiPropertyOptional({ description: 'SHA-256 (hex) of the archived content', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'archiveSha256 must be 64 lowercase hex digits' })
  archiveSha256?: string;
}
