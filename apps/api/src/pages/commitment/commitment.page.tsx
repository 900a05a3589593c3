import { DossierPageAnswer } from '../shared/answers';
import { AsOfForm } from '../shared/as-of-form';
import { Citation } from '../shared/citation';
import { Exports } from '../shared/exports';
import { Layout } from '../shared/layout';
import { EditorialNotices } from '../shared/notices';
import { PageContext, withTime } from '../shared/page-context';
import { Pager } from '../shared/pager';
import { TimeNotice } from '../shared/time-notice';
import { CommitmentDetail } from './commitment-detail';

/** One commitment's dossier: everything said and done about it, with the notices that concern its owner's record. */
export function CommitmentPage({ ctx, dossier, permalink, json }: { ctx: PageContext; dossier: DossierPageAnswer; permalink: string; json: string }) {
  const { t } = ctx;
  const { commitment, stakeholder } = dossier;
  return (
    <Layout ctx={ctx} title={`${stakeholder.name}: ${commitment.text}`} canonical={permalink} alternates={[{ type: 'application/json', href: json, title: 'JSON' }]}>
      <p>
        <a href={withTime(`/stakeholders/${stakeholder.stakeholderId}`, ctx.time)}>{t('commitment.by', { name: stakeholder.name })}</a>
      </p>
      <h1>{t('commitment.dossier')}</h1>
      <TimeNotice ctx={ctx} position={dossier.position} worldAsOf={dossier.worldAsOf} />
      <EditorialNotices ctx={ctx} retractions={dossier.retractions} corrections={dossier.corrections} />
      <CommitmentDetail ctx={ctx} commitment={commitment} headingLevel={2} />
      <Pager ctx={ctx} pager={dossier.pager} />
      <Citation ctx={ctx} position={dossier.position} contentHash={dossier.contentHash} permalink={permalink} judgedAt={dossier.asOf} />
      <AsOfForm ctx={ctx} />
      <Exports ctx={ctx} json={json} />
    </Layout>
  );
}
