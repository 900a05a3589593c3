import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An event of the log as a correction or retraction form starts from it. */
export interface FactToEdit {
  eventId: string;
  type: string;
  /** Its data as it stands: the latest correction's, else the original. */
  data: Record<string, unknown>;
}

/** Finds the event a public notice or a timeline entry names by its log position, for "correct" and "retract". */
@Injectable()
export class DeskFacts {
  constructor(private readonly dataSource: DataSource) {}

  async atPosition(position: number): Promise<FactToEdit | null> {
    const [row] = await this.dataSource.query(
      `SELECT e.event_id, e.type, coalesce(
          (SELECT c.data->'data' FROM events c WHERE c.type = 'EventCorrected' AND c.data->>'eventId' = e.event_id::text ORDER BY c.position DESC LIMIT 1),
          e.data) AS data
         FROM events e WHERE e.position = $1`,
      [position],
    );
    return row ? { eventId: row.event_id, type: row.type, data: row.data } : null;
  }
}
