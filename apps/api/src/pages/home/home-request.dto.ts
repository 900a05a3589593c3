import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ReadQueryDto } from '../../shared/read-query.dto';
import { IsIn } from 'class-validator';
import { LOCALES } from '../i18n/locale';

/** The home page lists what exists now (no time axes): a search, its cursor, a language. */
export class HomeRequestDto extends ReadQueryDto {
  @IsOptional()
  @IsIn(LOCALES)
  lang?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after must be a cursor taken from a `next` link' })
  after?: string;
}
