import { SetMetadata } from '@nestjs/common';
import { ApiKeyRole } from '@saydo/platform';

export const REQUIRED_ROLE = 'saydo:required-role';

/** Marks a route as a write that needs an API key with at least this role. Routes without it are public reads. */
export const RequiresRole = (role: ApiKeyRole) => SetMetadata(REQUIRED_ROLE, role);
