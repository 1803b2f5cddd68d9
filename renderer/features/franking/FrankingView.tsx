import { useT } from '../../app/i18n';

export function FrankingView() {
  const t = useT();
  return (
    <section>
      <h1>{t('nav.franking')}</h1>
    </section>
  );
}
