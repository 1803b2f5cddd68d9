import { useEffect } from 'react';
import { useNav, type ViewId } from '../stores/navigation';
import { useJobs } from '../stores/jobs';
import { onEvent } from '../ipc/client';
import { useT } from './i18n';
import { JobArea } from './JobArea';
import { views } from './views';
import { HeaderSlot } from './HeaderSlot';
import { overlays } from './contributions';

const navOrder: { id: ViewId; key: string; shortcut: string }[] = [
  { id: 'orders', key: 'nav.orders', shortcut: 'Alt+1' },
  { id: 'franking', key: 'nav.franking', shortcut: 'Alt+2' },
  { id: 'fees', key: 'nav.fees', shortcut: 'Alt+3' },
  { id: 'settings', key: 'nav.settings', shortcut: 'Alt+4' },
];

export function App() {
  const t = useT();
  const { view, go } = useNav();
  const upsertJob = useJobs((s) => s.upsert);

  useEffect(() => onEvent('job:progress', upsertJob), [upsertJob]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const idx = Number(e.key) - 1;
      const target = navOrder[idx];
      if (target) {
        e.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const View = views[view];
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">{t('app.name')}</div>
        <nav aria-label={t('nav.main')} className="nav">
          {navOrder.map((n) => (
            <button
              key={n.id}
              type="button"
              className={view === n.id ? 'nav-item active' : 'nav-item'}
              aria-current={view === n.id ? 'page' : undefined}
              title={`${t(n.key)} (${n.shortcut})`}
              onClick={() => go(n.id)}
              data-testid={`nav-${n.id}`}
            >
              {t(n.key)}
            </button>
          ))}
        </nav>
        <div className="topbar-right" data-testid="header-slot">
          <HeaderSlot />
        </div>
      </header>
      <main className="content">
        <View />
      </main>
      <JobArea />
      {overlays.map(({ id, Component }) => (
        <Component key={id} />
      ))}
    </div>
  );
}
