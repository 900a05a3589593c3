import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AssetsController } from './assets/assets.controller';
import { CommitmentPagesController } from './commitment/commitment-pages.controller';
import { PageNotFoundController } from './errors/page-not-found.controller';
import { DeskPagesController } from './desk/desk-pages.controller';
import { DeskFacts } from './desk/desk-facts';
import { DeskPickers } from './desk/desk-pickers';
import { DeskPreview } from './desk/desk-preview';
import { DeskSessions } from './desk/desk-sessions';
import { SignInCsrf } from './desk/sign-in-csrf';
import { HomePagesController } from './home/home-pages.controller';
import { ReportReads } from './shared/report-reads';
import { StakeholderPagesController } from './stakeholder/stakeholder-pages.controller';
import { TopicPagesController } from './topic/topic-pages.controller';

/** Public pages rendered on the server, reading through the same query handlers as the JSON API; and the editor desk. */
@Module({
  imports: [ApiKeysModule],
  // The desk before the catch-all page-not-found controller.
  controllers: [AssetsController, HomePagesController, StakeholderPagesController, CommitmentPagesController, TopicPagesController, DeskPagesController, PageNotFoundController],
  providers: [ReportReads, DeskSessions, SignInCsrf, DeskPreview, DeskPickers, DeskFacts],
})
export class PagesModule {}
