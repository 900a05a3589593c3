import { DateText } from '../shared/date-text';
import { PageContext, withTime } from '../shared/page-context';
import { StatusBadge } from '../shared/status-badge';
import { DossierAnswer } from '../shared/answers';

/** A small page meant for an iframe: the commitment, its status in words, and the way back to the dossier. */
export function CommitmentCard({ ctx, dossier, permalink }: { ctx: PageContext; dossier: DossierAnswer; permalink: string }) {
  const { t } = ctx;
  const { commitment, stakeholder } = dossier;
  const dossierHref = new URL(withTime(`/commitments/${commitment.commitmentId}`, ctx.time), ctx.origin).href;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${stakeholder.name}: ${commitment.text} · ${t('site.name')}`}</title>
        <link rel="canonical" href={new URL(permalink, ctx.origin).href} />
        <link rel="stylesheet" href="/assets/saydo.css" />
      </head>
      <body>
        <main class="card-embed">
          <h1>
            {stakeholder.name} — {t(`commitment.kind.${commitment.kind}`)}
          </h1>
          <p>
            <q>{commitment.text}</q> (<DateText ctx={ctx} date={commitment.statedAt} />)
          </p>
          <p>
            <StatusBadge ctx={ctx} status={commitment.status} />
          </p>
          <p class="muted">
            {t('cite.position')} {dossier.position} · <code>{dossier.contentHash.slice(0, 12)}</code>
          </p>
          <p>
            <a href={dossierHref} target="_top">
              {t('card.open')}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
