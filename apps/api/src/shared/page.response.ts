import { ApiProperty } from '@nestjs/swagger';

/** The `page` of a paged list answer (OpenAPI shape). */
export class PageResponse {
  @ApiProperty({ description: 'Most items this page holds' }) limit!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Relative URL of the next page; null on the last page' }) next!: string | null;
}
