import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT, useI18nStore } from '../../app/i18n';
import { formatCents } from '../../../shared/format';
import { formatMonth } from './format';

type Point = { month: string; netCents: number; orders: number };

/** Fees of the last 12 months (net), with the cap as a line; a click on a month shows it in the meter. */
export function FeeChart({ history, selected, onSelect }: { history: Point[]; selected: string | null; onSelect(month: string): void }) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const fmtMonth = (m: string) => formatMonth(m, locale, 'short');
  const data = history.map((p) => ({ ...p, label: fmtMonth(p.month), euros: p.netCents / 100 }));
  return (
    <section aria-labelledby="fee-chart-title" data-testid="fee-chart">
      <h2 id="fee-chart-title">{t('billing.chart.title')}</h2>
      <div className="fee-chart" role="img" aria-label={history.map((p) => `${fmtMonth(p.month)}: ${formatCents(p.netCents, 'EUR', locale)}`).join(', ')}>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => `${v} €`} tick={{ fontSize: 12 }} width={48} domain={[0, 34]} />
            <ReferenceLine y={34} stroke="var(--warn)" strokeDasharray="4 2" label={{ value: t('billing.chart.cap'), position: 'insideTopRight', fontSize: 11 }} />
            <Tooltip formatter={(v) => formatCents(Math.round(Number(v) * 100), 'EUR', locale)} labelFormatter={(l) => String(l)} />
            <Bar dataKey="euros" name={t('billing.chart.net')} isAnimationActive={false} cursor="pointer" onClick={(_d, i) => onSelect(data[i]!.month)}>
              {data.map((p) => (
                <Cell key={p.month} fill={p.month === selected ? 'var(--ok)' : 'var(--accent)'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="fee-months" role="group" aria-label={t('billing.chart.pick')}>
        {history.map((p) => (
          <button key={p.month} type="button" aria-pressed={p.month === selected} onClick={() => onSelect(p.month)} data-testid={`fee-month-${p.month}`}>
            {fmtMonth(p.month)}
          </button>
        ))}
      </div>
    </section>
  );
}
