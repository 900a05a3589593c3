import { Module } from '@nestjs/common';
import { ListStakeholdersHandler } from './queries/list-stakeholders/list-stakeholders.handler';
import { ListStakeholdersHttpController } from './queries/list-stakeholders/list-stakeholders.http.controller';
import { ListTopicsHandler } from './queries/list-topics/list-topics.handler';
import { ListTopicsHttpController } from './queries/list-topics/list-topics.http.controller';
import { RecentChangesHandler } from './queries/recent-changes/recent-changes.handler';
import { RecentChangesHttpController } from './queries/recent-changes/recent-changes.http.controller';
import { SearchHandler } from './queries/search/search.handler';
import { SearchHttpController } from './queries/search/search.http.controller';

/** Finding one's way: stakeholders and topics listed, a search, the latest changes. */
@Module({
  controllers: [ListStakeholdersHttpController, ListTopicsHttpController, SearchHttpController, RecentChangesHttpController],
  providers: [ListStakeholdersHandler, ListTopicsHandler, SearchHandler, RecentChangesHandler],
})
export class DirectoryModule {}
