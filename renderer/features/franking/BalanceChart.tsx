import { useEffect, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import type { Res } from '../../../shared/ipc/contract';
import { useFranking } from './store';

/** The Portokasse balance over time, with the seller's warning threshold as a line. */
export function BalanceChart() {
  const t = useT();
  const status = useFranking((s) => s.status);
  const [points, setPoints] = useState<Res<'franking:balanceHistory'>>([]);
  useEffect(() => {
    void call('franking:balanceHistory', {}).then(setPoints);
  }, [status?.balanceCents, status?.balanceAt]);
  if (points.length < 2) return null;
  const data = points.map((p) => ({ ...p, euros: p.balanceCents / 100 }));
  const last = points[points.length - 1]!;
  return (
    <section className="fr-panel fr-chart" aria-labelledby="fr-chart-h" data-testid="franking-balance-chart">
      <h2 id="fr-chart-h">{t('franking.history')}</h2>
      <div role="img" aria-label={`${t('franking.history')}: ${formatCents(points[0]!.balanceCents)} (${formatDate(points[0]!.at)}) → ${formatCents(last.balanceCents)} (${formatDate(last.at)})`}>
        <ResponsiveContainer width="100%" height={140}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" tickFormatter={(v: string) => formatDate(v)} tick={{ fontSize: 11 }} minTickGap={40} />
            <YAxis tickFormatter={(v: number) => `${v} €`} tick={{ fontSize: 11 }} width={52} />
            {status && <ReferenceLine y={status.lowBalanceThresholdCents / 100} stroke="var(--warn)" strokeDasharray="4 2" />}
            <Tooltip formatter={(v) => formatCents(Math.round(Number(v) * 100))} labelFormatter={(l) => formatDateTime(String(l))} />
            <Line type="stepAfter" dataKey="euros" name={t('franking.balance')} stroke="var(--accent)" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
