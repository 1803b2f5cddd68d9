import { useT } from '../../app/i18n';

export function FeesView() {
  const t = useT();
  return (
    <section>
      <h1>{t('nav.fees')}</h1>
    </section>
  );
}
