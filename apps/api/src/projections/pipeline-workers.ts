import { Injectable } from '@nestjs/common';
import { SupervisedWorker, WorkerStatus } from './supervised-worker';

/** The event-pipeline workers running in this process, as readiness sees them. */
@Injectable()
export class PipelineWorkers {
  private readonly workers: SupervisedWorker[] = [];

  add(worker: SupervisedWorker): void {
    this.workers.push(worker);
  }

  statuses(): WorkerStatus[] {
    return this.workers.map((worker) => worker.snapshot);
  }

  /** Stops them in the reverse of their start order. */
  async stopAll(): Promise<void> {
    for (const worker of [...this.workers].reverse()) await worker.stop();
  }
}
