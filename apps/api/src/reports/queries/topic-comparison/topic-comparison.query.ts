import { Query } from '@nestjs/cqrs';
import { TopicComparison } from '@saydo/domain';

export class TopicComparisonQuery extends Query<TopicComparison> {
  constructor(
    readonly topic: string,
    readonly asOf: string,
  ) {
    super();
  }
}
