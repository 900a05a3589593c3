import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyRole } from '@saydo/platform';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { problems } from '../problems/problem';
import { hasRole } from './principal';
import { bearerSecretOf, principalOf } from './request-principal';
import { REQUIRED_ROLE } from './requires-role.decorator';

/** Reads are public; writes need `Authorization: Bearer <key>` of a live key with the route's role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<ApiKeyRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (!required) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: unknown }>();
    const secret = bearerSecretOf(request.headers);
    if (!secret) throw problems.unauthorized('send an API key as `Authorization: Bearer <key>`');
    const principal = await principalOf(request, secret, (given) => this.keys.authenticate(given));
    if (!principal) throw problems.unauthorized('unknown or revoked API key');
    if (!hasRole(principal, required)) throw problems.forbidden(`this route needs the ${required} role; the key has ${principal.role}`);
    request.principal = principal;
    return true;
  }
}
