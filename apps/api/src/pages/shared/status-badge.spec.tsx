import { PLEDGE_STATUSES, RED_LINE_STATUSES } from '@saydo/domain';
import { renderToString } from 'preact-render-to-string';
import { pageContext } from './page-context';
import { StatusBadge } from './status-badge';

describe('status badge', () => {
  const ctx = (locale: 'en' | 'fr') => pageContext(locale, 'http://x', '/', {}, new URLSearchParams());

  it('says every status with a word and an icon, not a colour alone, in both languages', () => {
    for (const status of [...PLEDGE_STATUSES, ...RED_LINE_STATUSES]) {
      for (const locale of ['en', 'fr'] as const) {
        const html = renderToString(<StatusBadge ctx={ctx(locale)} status={status} />);
        expect(html).toMatch(/<span aria-hidden="true">[^<]+<\/span> \p{L}/u);
        // The code stays in attributes for machines; the visible text is a word.
        expect(html.replace(/<[^>]*>/g, '')).not.toContain(status);
      }
    }
    expect(renderToString(<StatusBadge ctx={ctx('fr')} status="under_strain" />)).toContain('Sous tension');
  });
});
