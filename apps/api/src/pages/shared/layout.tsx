import { ComponentChildren } from 'preact';
import { PageContext } from './page-context';

export interface Alternate {
  type: string;
  href: string;
  title: string;
}

interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** Absolute or root-relative; made absolute against the reader's origin. */
  canonical: string;
  alternates?: Alternate[];
  children: ComponentChildren;
}

/** The document around every page: language, canonical link, feeds, stylesheets, landmarks. */
export function Layout({ ctx, title, canonical, alternates = [], children }: LayoutProps) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <link rel="canonical" href={new URL(canonical, ctx.origin).href} />
        {alternates.map((a) => (
          <link rel="alternate" type={a.type} href={new URL(a.href, ctx.origin).href} title={a.title} />
        ))}
        <link rel="alternate" hrefLang={ctx.locale === 'en' ? 'fr' : 'en'} href={ctx.otherLanguageHref} />
        <link rel="stylesheet" href="/assets/saydo.css" />
        <link rel="stylesheet" media="print" href="/assets/print.css" />
      </head>
      <body>
        <a class="skip" href="#content">
          {t('nav.skip')}
        </a>
        <header class="site">
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <a class="brand" href="/">
                  {t('site.name')}
                </a>
              </li>
              <li>
                <a href="/">{t('nav.home')}</a>
              </li>
              <li class="lang">
                <a href={ctx.otherLanguageHref} hrefLang={ctx.locale === 'en' ? 'fr' : 'en'} lang={ctx.locale === 'en' ? 'fr' : 'en'}>
                  {t('lang.switch')}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="content">{children}</main>
        <footer class="site">
          <p>
            {t('site.tagline')} <a href="/docs">{t('footer.api')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
