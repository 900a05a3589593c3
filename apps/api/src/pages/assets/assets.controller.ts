import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PRINT_CSS, SCREEN_CSS } from './stylesheets';

/** The stylesheets. Small enough to live in code; a day of cache, since they change with releases. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get('saydo.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  screen(): string {
    return SCREEN_CSS;
  }

  @Get('print.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  print(): string {
    return PRINT_CSS;
  }
}
