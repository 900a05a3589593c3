import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';

/** A page-shaped answer to a page request that failed: 404 for what does not exist, 4xx for a bad request. */
export function ErrorPage({ ctx, status, detail }: { ctx: PageContext; status: number; detail: string }) {
  const title = status === 404 ? ctx.t('error.notFound.title') : ctx.t('error.bad.title');
  return (
    <Layout ctx={ctx} title={title} canonical={ctx.path}>
      <h1>{title}</h1>
      <p>{status === 404 ? ctx.t('error.notFound.body', { detail }) : detail}</p>
      <p>
        <a href="/">{ctx.t('error.back')}</a>
      </p>
    </Layout>
  );
}
