import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../../reports/queries/read-model-snapshot';
import { PickerOption, Pickers } from './desk-form';

/** A datalist holds what the browser filters as the editor types, without JavaScript; past this, typing the id still works. */
const PICKER_LIMIT = 1000;

@Injectable()
export class DeskPickers {
  constructor(private readonly dataSource: DataSource) {}

  read(): Promise<Pickers> {
    return inReadModelSnapshot(this.dataSource, async (manager) => {
      const rows = (sql: string) => manager.query(sql, [PICKER_LIMIT]) as Promise<PickerOption[]>;
      const [stakeholders, commitments, actions] = [
        await rows(`SELECT id AS value, name AS label FROM rm_stakeholders ORDER BY name, id LIMIT $1`),
        await rows(`SELECT id AS value, stakeholder_id || ': ' || left(text, 120) AS label FROM rm_commitments ORDER BY stakeholder_id, id LIMIT $1`),
        // No read model lists actions (nothing else reads one): each action stream's first event names it.
        await rows(
          `SELECT substr(stream_id, 8) AS value, (data->>'stakeholderId') || ': ' || left(data->>'title', 120) AS label
             FROM events WHERE stream_id LIKE 'action-%' AND stream_version = 1 ORDER BY stream_id LIMIT $1`,
        ),
      ];
      return { stakeholders, commitments, actions };
    });
  }
}
