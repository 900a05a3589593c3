import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';

/**
 * The global ValidationPipe, with a fast path: a body whose DTO has a precompiled check, and that
 * passes it, is used as parsed (no class-transformer copy, no class-validator metadata walk).
 * Anything the check refuses goes through the ValidationPipe, which words the errors as before.
 */
export class CheckedValidationPipe extends ValidationPipe {
  constructor(
    private readonly fastChecks: ReadonlyMap<unknown, (value: unknown) => boolean>,
    options: ValidationPipeOptions,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.fastChecks.get(metadata.metatype)?.(value)) return value;
    return super.transform(value, metadata);
  }
}
