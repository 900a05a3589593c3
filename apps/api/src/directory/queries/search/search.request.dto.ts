import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ReadQueryDto } from '../../../shared/read-query.dto';

export class SearchRequestDto extends ReadQueryDto {
  @ApiProperty({ description: 'Words in a stakeholder name or id, or a commitment text or id', example: 'surveillance' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q!: string;
}
