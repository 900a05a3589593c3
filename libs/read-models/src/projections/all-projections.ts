import { ProjectedRow, RowProjection } from '../projection/row-projection';
import { commitmentLinksProjection } from './commitment-links.projection';
import { commitmentsProjection } from './commitments.projection';
import { stakeholdersProjection } from './stakeholders.projection';
import { timelineProjection } from './timeline.projection';

/** Every read-model projection; the report needs all of them, so its position is their lowest checkpoint. */
export const ALL_PROJECTIONS = [
  stakeholdersProjection,
  commitmentsProjection,
  commitmentLinksProjection,
  timelineProjection,
] as unknown as ReadonlyArray<RowProjection<ProjectedRow>>;
