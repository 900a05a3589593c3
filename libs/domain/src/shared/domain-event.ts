/** Events are plain typed data; `type` is a past-tense literal written down once, never a class name. */
export interface DomainEvent<Type extends string, Data extends object> {
  readonly type: Type;
  readonly data: Readonly<Data>;
}
