import { Query } from '@nestjs/cqrs';
import { CommitmentStatus } from '@saydo/domain';
import { StakeholderCursor } from './stakeholder-cursor';

export interface StakeholderListItem {
  stakeholderId: string;
  name: string;
  kind: string;
  /** Live commitments (pledges and red lines) of the stakeholder. */
  commitments: number;
  /** Only the statuses that occur. */
  byStatus: Partial<Record<CommitmentStatus, number>>;
}

export interface StakeholderList {
  position: number;
  items: StakeholderListItem[];
  /** Cursor of the next page, null on the last one. */
  nextCursor: StakeholderCursor | null;
}

export class ListStakeholdersQuery extends Query<StakeholderList> {
  constructor(
    readonly q: string | undefined,
    readonly limit: number,
    readonly after: StakeholderCursor | null,
  ) {
    super();
  }
}
