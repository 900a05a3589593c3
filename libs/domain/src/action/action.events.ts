import { DomainEvent } from '../shared/domain-event';

/** An action has an actor (`stakeholderId`) and the other parties to it. */
export interface ContractData {
  actionId: string;
  stakeholderId: string;
  counterpartyIds: string[];
  title: string;
  topics: string[];
}

export type ContractSigned = DomainEvent<'ContractSigned', ContractData>;
export type ContractRefused = DomainEvent<'ContractRefused', ContractData>;

export type ActionEvent = ContractSigned | ContractRefused;
export type ActionEventType = ActionEvent['type'];
