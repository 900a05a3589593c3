import { ALL_PROJECTIONS, ProjectionCheckpointEntity } from '@saydo/read-models';
import { DataSource, EntityManager, In } from 'typeorm';

/**
 * Runs the reads of one answer in a single REPEATABLE READ snapshot, with the log position that
 * snapshot reflects (the lowest projection checkpoint), so rows and position always agree.
 */
export function inReadModelSnapshot<T>(dataSource: DataSource, read: (manager: EntityManager, position: number) => Promise<T>): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const names = ALL_PROJECTIONS.map((p) => p.name);
    const checkpoints = await manager.find(ProjectionCheckpointEntity, { where: { name: In(names) } });
    const position = checkpoints.length < names.length ? 0 : Math.min(...checkpoints.map((c) => c.position));
    return read(manager, position);
  });
}
