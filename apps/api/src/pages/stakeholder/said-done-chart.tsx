import { PageContext } from '../shared/page-context';
import { YearCount } from './said-done-series';

const BAR = 14;
const GAP = 10;
const HEIGHT = 120;

/**
 * Said vs done per year as paired bars (said solid, done hatched, so print and colour-blind readers
 * tell them apart), described for screen readers, with the same numbers in a table beside it.
 */
export function SaidDoneChart({ ctx, name, series }: { ctx: PageContext; name: string; series: readonly YearCount[] }) {
  const { t } = ctx;
  if (series.length === 0) return null;
  const max = Math.max(1, ...series.map((s) => Math.max(s.said, s.done)));
  const width = series.length * (2 * BAR + GAP) + GAP;
  const h = (n: number) => Math.round((n / max) * (HEIGHT - 20));
  return (
    <section aria-labelledby="chart-title" class="chart-section">
      <h2 id="chart-title">{t('report.chart.title')}</h2>
      <div class="chart">
        <svg role="img" aria-labelledby="chart-svg-title chart-svg-desc" viewBox={`0 0 ${width} ${HEIGHT + 20}`} width={width * 2} height={(HEIGHT + 20) * 2}>
          <title id="chart-svg-title">{t('report.chart.title')}</title>
          <desc id="chart-svg-desc">{t('report.chart.desc', { name })}</desc>
          <defs>
            <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="2" height="4" fill="#8a4b00" />
            </pattern>
          </defs>
          {series.map((s, i) => {
            const x = GAP + i * (2 * BAR + GAP);
            return (
              <g>
                <rect x={x} y={HEIGHT - h(s.said)} width={BAR} height={h(s.said)} fill="#0b4f8a" />
                <rect x={x + BAR} y={HEIGHT - h(s.done)} width={BAR} height={h(s.done)} fill="url(#hatch)" stroke="#8a4b00" />
                <text x={x + BAR} y={HEIGHT + 14} font-size="9" text-anchor="middle">
                  {String(s.year)}
                </text>
              </g>
            );
          })}
          <line x1="0" y1={HEIGHT} x2={width} y2={HEIGHT} stroke="#555" />
        </svg>
        <table class="chart-data">
          <caption>{t('report.chart.desc', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.chart.year')}</th>
              <th scope="col">
                <span aria-hidden="true">■ </span>
                {t('report.chart.said')}
              </th>
              <th scope="col">
                <span aria-hidden="true">▨ </span>
                {t('report.chart.done')}
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr>
                <th scope="row">{s.year}</th>
                <td>{s.said}</td>
                <td>{s.done}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
