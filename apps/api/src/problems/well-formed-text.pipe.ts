import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { inspectUntrusted } from './untrusted-input';
import { problems } from './problem';

/**
 * Route parameters and query strings reach SQL as text: a NUL (`/v1/streams/a%00b`,
 * `principal=a%00b`) or an unpaired surrogate is a 400 naming the field, before any other pipe.
 * Bodies are checked when parsed (json-body-parser.ts).
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query' && metadata.type !== 'param') return value;
    const { faults } = inspectUntrusted(value, metadata.data ?? '');
    if (faults.length > 0) throw problems.validation(faults);
    return value;
  }
}
