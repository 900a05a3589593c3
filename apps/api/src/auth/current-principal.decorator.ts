import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from './principal';

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
