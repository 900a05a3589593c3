import { AnyEventDefinition, Dispute, FieldSpec, SuggestedLink } from '@saydo/domain';
import { ComponentChildren } from 'preact';
import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { choiceLabel, eventPurpose, fieldHelp, fieldLabel, sourceFieldHint, sourceFieldLabel } from '../i18n/desk-labels';
import { eventLabel, statusWord } from '../i18n/labels';
import { FormValues, isOptionalSourceField, pickerFor, Pickers, SOURCE_FIELDS } from './desk-form';
import { Preview } from './desk-preview';

/** Every desk form carries the session's token; the server refuses a POST without it. */
function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function DeskLayout({ ctx, title, csrf, children }: { ctx: PageContext; title: string; csrf?: string; children: ComponentChildren }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title} canonical="/desk">
      <nav aria-label={t('desk.nav')} class="desk-nav">
        <a href="/desk">{t('desk.title')}</a>
        {csrf && (
          <form method="post" action="/desk/sign-out" class="inline">
            <CsrfField token={csrf} />
            <button type="submit">{t('desk.signOut')}</button>
          </form>
        )}
      </nav>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

export function SignInPage({ ctx, csrf, error }: { ctx: PageContext; csrf: string; error?: string }) {
  const { t } = ctx;
  return (
    <DeskLayout ctx={ctx} title={t('desk.signIn.title')}>
      <p>{t('desk.signIn.intro')}</p>
      {error && (
        <p role="alert" class="error" id="key-error">
          {error}
        </p>
      )}
      <form method="post" action="/desk/sign-in">
        <CsrfField token={csrf} />
        <label for="key">{t('desk.signIn.key')}</label>
        <input id="key" name="key" type="password" autocomplete="current-password" required aria-describedby={error ? 'key-error' : undefined} />
        <button type="submit">{t('desk.signIn.button')}</button>
      </form>
    </DeskLayout>
  );
}

export interface DeskQueue {
  stakeholderId: string;
  items: Array<{ commitmentId: string; text: string; suggestion: SuggestedLink }>;
  disputes: Array<{ commitmentId: string; text: string; action: string; dispute: Dispute }>;
  facts: Array<{ position: number; type: string; occurredAt: string; summary: string }>;
}

interface DeskHomeProps {
  ctx: PageContext;
  csrf: string;
  who: { name: string; role: string };
  definitions: AnyEventDefinition[];
  stakeholders: Array<{ stakeholderId: string; name: string }>;
  queue: DeskQueue | null;
  recorded?: string;
}

export function DeskHomePage({ ctx, csrf, who, definitions, stakeholders, queue, recorded }: DeskHomeProps) {
  const { t } = ctx;
  return (
    <DeskLayout ctx={ctx} title={t('desk.title')} csrf={csrf}>
      <p>{t('desk.signedInAs', { name: who.name, role: who.role })}</p>
      {recorded && (
        <p role="status" class="notice">
          {t('desk.recorded', { position: recorded })}
        </p>
      )}
      <section aria-labelledby="record">
        <h2 id="record">{t('desk.record')}</h2>
        <ul class="desk-types">
          {definitions.map((d) => (
            <li>
              <a href={`/desk/events/${d.type}`}>{eventLabel(t, d.type)}</a> <small>{eventPurpose(t, d)}</small>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="queue">
        <h2 id="queue">{t('desk.queue')}</h2>
        <form method="get" action="/desk">
          <label for="stakeholder">{t('desk.queue.stakeholder')}</label>
          <input id="stakeholder" name="stakeholder" list="stakeholder-ids" value={queue?.stakeholderId ?? ''} />
          <datalist id="stakeholder-ids">
            {stakeholders.map((s) => (
              <option value={s.stakeholderId}>{s.name}</option>
            ))}
          </datalist>
          <button type="submit">{t('desk.queue.show')}</button>
        </form>
        {queue && queue.items.length === 0 && <p>{t('desk.queue.empty')}</p>}
        {queue && queue.items.length > 0 && (
          <ul class="desk-queue">
            {queue.items.map(({ commitmentId, text, suggestion }, i) => {
              const prefill = new URLSearchParams({ 'data.commitmentId': commitmentId, 'data.actionId': suggestion.action.actionId });
              const confirm = new URLSearchParams(prefill);
              confirm.set('data.relation', suggestion.relation);
              return (
                <li>
                  {/* Each item's links are described by its sentence: a screen reader's list of links tells them apart. */}
                  <p id={`suggestion-${i}`}>{t('desk.queue.item', { action: suggestion.action.title, commitment: text, topics: suggestion.matchingTopics.join(', ') })}</p>
                  {'AssessmentRecorded' in byType(definitions) && <a href={`/desk/events/AssessmentRecorded?${confirm}`} aria-describedby={`suggestion-${i}`}>{t('desk.queue.confirm')}</a>}{' '}
                  {'SuggestionDismissed' in byType(definitions) && <a href={`/desk/events/SuggestionDismissed?${prefill}`} aria-describedby={`suggestion-${i}`}>{t('desk.queue.dismiss')}</a>}
                </li>
              );
            })}
          </ul>
        )}
        {queue && <WorkList ctx={ctx} queue={queue} types={byType(definitions)} />}
      </section>
    </DeskLayout>
  );
}

const byType = (definitions: AnyEventDefinition[]) => Object.fromEntries(definitions.map((d) => [d.type, d]));

interface EventFormProps {
  ctx: PageContext;
  csrf: string;
  definition: AnyEventDefinition;
  values: FormValues;
  errors: Map<string, string[]>;
  pickers: Pickers;
  preview?: Preview | null | 'unavailable';
}

/** A form generated from the event type's schema in the domain catalogue: the same source as validation and OpenAPI. */
export function EventFormPage({ ctx, csrf, definition, values, errors, pickers, preview }: EventFormProps) {
  const used = new Set(Object.entries(definition.schema).map(([name, spec]) => pickerFor(name, spec)).filter((kind) => kind !== null));
  const { t } = ctx;
  const general = errors.get('') ?? [];
  return (
    <DeskLayout ctx={ctx} title={eventLabel(t, definition.type)} csrf={csrf}>
      <p>{eventPurpose(t, definition)}</p>
      {errors.size > 0 && (
        <div role="alert" class="error" id="form-errors">
          <p>{t('desk.form.refused')}</p>
          {general.length > 0 && (
            <ul>
              {general.map((message) => (
                <li>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview !== undefined && <PreviewNotice ctx={ctx} preview={preview} />}
      <form method="post" action={`/desk/events/${definition.type}`} novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>{t('desk.form.data')}</legend>
          {Object.entries(definition.schema).map(([name, spec]) => (
            <DataField type={definition.type} field={name} spec={spec} value={values[`data.${name}`] ?? ''} errors={errors.get(`data.${name}`)} ctx={ctx} />
          ))}
        </fieldset>
        <Field name="occurredAt" label={t('desk.form.occurredAt')} hint={t('desk.form.occurredAt.hint')} errors={errors.get('occurredAt')} required>
          {(describedBy) => <input id="occurredAt" name="occurredAt" value={values.occurredAt ?? ''} required aria-describedby={describedBy} />}
        </Field>
        <fieldset>
          <legend>{definition.factual ? t('desk.form.source') : t('desk.form.source.optional')}</legend>
          {SOURCE_FIELDS.map((name) => (
            <Field name={`source.${name}`} label={sourceFieldLabel(t, name)} hint={sourceFieldHint(t, name)} errors={errors.get(`source.${name}`)} required={definition.factual && !isOptionalSourceField(name)}>
              {(describedBy) =>
                name === 'quote' ? (
                  <textarea id={`source.${name}`} name={`source.${name}`} rows={3} aria-describedby={describedBy}>
                    {values[`source.${name}`] ?? ''}
                  </textarea>
                ) : (
                  <input id={`source.${name}`} name={`source.${name}`} value={values[`source.${name}`] ?? ''} aria-describedby={describedBy} />
                )
              }
            </Field>
          ))}
        </fieldset>
        {[...used].map((kind) => (
          <datalist id={`pick-${kind}`}>
            {pickers[kind].map((o) => (
              <option value={o.value}>{o.label}</option>
            ))}
          </datalist>
        ))}
        <button type="submit" name="_action" value="preview">
          {t('desk.form.preview')}
        </button>{' '}
        <button type="submit" name="_action" value="record">
          {t('desk.form.submit')}
        </button>
      </form>
    </DeskLayout>
  );
}

function Field({ name, label, hint, errors, required, children }: { name: string; label: string; hint?: string; errors?: string[]; required?: boolean; children: (describedBy: string | undefined) => ComponentChildren }) {
  const ids = [hint ? `${name}-hint` : '', errors?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={errors?.length ? 'field invalid' : 'field'}>
      <label for={name}>
        {label}
        {required ? ' *' : ''}
      </label>
      {hint && (
        <small id={`${name}-hint`} class="hint">
          {hint}
        </small>
      )}
      {children(ids)}
      {errors?.length ? (
        <p id={`${name}-error`} class="error">
          {errors.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

/** One field of the event's data: label, help and choices from the catalogues, keyed by event type and field. */
function DataField({ type, field, spec, value, errors, ctx }: { type: string; field: string; spec: FieldSpec; value: string; errors?: string[]; ctx: PageContext }) {
  const { t } = ctx;
  const name = `data.${field}`;
  const required = !spec.optional && !(spec.kind === 'slugs' && !spec.minItems);
  const help = fieldHelp(t, type, field, spec);
  const hint = spec.kind === 'slugs' ? `${help} (${t('desk.form.list')})` : help;
  const picker = pickerFor(field, spec);
  return (
    <Field name={name} label={fieldLabel(t, type, field)} hint={hint} errors={errors} required={required}>
      {(describedBy) => {
        const common = { id: name, name, 'aria-describedby': describedBy, 'aria-invalid': errors?.length ? (true as const) : undefined };
        switch (spec.kind) {
          case 'enum':
            return (
              <select {...common}>
                <option value="">{spec.optional ? '' : '—'}</option>
                {spec.values.map((v) => (
                  <option value={v} selected={v === value}>
                    {choiceLabel(t, field, v)}
                  </option>
                ))}
              </select>
            );
          case 'text':
            return spec.maxLength > 500 ? <textarea {...common} rows={3} maxLength={spec.maxLength}>{value}</textarea> : <input {...common} value={value} maxLength={spec.maxLength} />;
          case 'number':
            return <input {...common} value={value} inputMode="decimal" />;
          case 'object':
            return <textarea {...common} rows={3}>{value}</textarea>;
          case 'slug':
            return <input {...common} value={value} list={picker ? `pick-${picker}` : undefined} autocomplete="off" />;
          default:
            return <input {...common} value={value} />;
        }
      }}
    </Field>
  );
}

/** Which statuses the fact would change, in the pages' words. */
function PreviewNotice({ ctx, preview }: { ctx: PageContext; preview: Preview | null | 'unavailable' }) {
  const { t } = ctx;
  const word = (status: string | null) => (status ? statusWord(t, status) : t('desk.preview.absent'));
  return (
    <section class="preview" role="status" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('desk.preview.title')}</h2>
      {preview === 'unavailable' || preview === null ? (
        <p>{t('desk.preview.unavailable')}</p>
      ) : preview.changes.length === 0 ? (
        <p>{t('desk.preview.none', { stakeholder: preview.stakeholderId })}</p>
      ) : (
        <ul>
          {preview.changes.map((c) => (
            <li>{t('desk.preview.change', { commitment: c.text, from: word(c.from), to: word(c.to) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Open disputes to resolve and the stakeholder's facts to correct or retract, for the roles that may. */
function WorkList({ ctx, queue, types }: { ctx: PageContext; queue: DeskQueue; types: Record<string, AnyEventDefinition> }) {
  const { t } = ctx;
  return (
    <>
      <h3>{t('desk.disputes')}</h3>
      {queue.disputes.length === 0 ? (
        <p>{t('desk.disputes.none')}</p>
      ) : (
        <ul class="desk-queue desk-disputes">
          {queue.disputes.map(({ commitmentId, text, action, dispute }) => (
            <li>
              <p id={`dispute-${dispute.disputeId}`}>{t('desk.disputes.item', { commitment: text, action, grounds: dispute.grounds, by: dispute.disputedBy })}</p>
              {types.DisputeResolved && <a href={`/desk/events/DisputeResolved?${new URLSearchParams({ 'data.commitmentId': commitmentId, 'data.disputeId': dispute.disputeId })}`} aria-describedby={`dispute-${dispute.disputeId}`}>{t('desk.disputes.resolve')}</a>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('desk.facts')}</h3>
      <ul class="desk-queue desk-facts">
        {queue.facts.map((fact) => (
          <li>
            <p id={`fact-${fact.position}`}>
              {fact.occurredAt} · {eventLabel(t, fact.type)}: {fact.summary}
            </p>
            {types.EventCorrected && <a href={`/desk/events/EventCorrected?fact=${fact.position}`} aria-describedby={`fact-${fact.position}`}>{t('desk.facts.correct')}</a>}{' '}
            {types.EventRetracted && <a href={`/desk/events/EventRetracted?fact=${fact.position}`} aria-describedby={`fact-${fact.position}`}>{t('desk.facts.retract')}</a>}
          </li>
        ))}
      </ul>
    </>
  );
}
