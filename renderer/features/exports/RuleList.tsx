import type { RuleFailure } from '../../../shared/einvoice/rules';

/** Failed rules with their id and text (CEN/KoSIT wording), as the seller must see them. */
export function RuleList({ failures, testId }: { failures: RuleFailure[]; testId?: string }) {
  return (
    <ul className="exports-rules" data-testid={testId}>
      {failures.map((f, i) => (
        <li key={`${f.id}-${i}`}>
          <code className={f.flag === 'fatal' ? 'error' : 'warn'}>{f.id}</code> {f.text}
          {f.location && <div className="muted exports-rule-loc">{f.location}</div>}
        </li>
      ))}
    </ul>
  );
}
