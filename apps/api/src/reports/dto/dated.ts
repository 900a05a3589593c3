import { ApiProperty } from '@nestjs/swagger';
import { DatePrecision, formatPartialDate, requirePartialDate } from '@saydo/domain';

/** A date with its precision and a label that never invents a day ("April 2025"). */
export class DatedValue {
  @ApiProperty({ example: '2025-04' }) value!: string;
  @ApiProperty({ enum: ['year', 'month', 'day', 'instant'] }) precision!: DatePrecision;
  @ApiProperty({ example: 'April 2025' }) label!: string;
}

export function dated(value: string): DatedValue {
  const date = requirePartialDate(value);
  return { value: date.value, precision: date.precision, label: formatPartialDate(date) };
}
