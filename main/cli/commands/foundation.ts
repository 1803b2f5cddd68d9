import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const foundationCommands: CliCommand[] = [
  {
    name: 'info',
    summary: 'App-Version, Schema-Version und Datenordner anzeigen',
    async run(ctx) {
      const info = await ctx.app.call('app:info', {});
      ctx.print(info, () => `Portodesk ${info.appVersion}\nSchema-Version: ${info.schemaVersion}\nDatenordner: ${info.dataDir}`);
    },
  },
  {
    name: 'settings get',
    summary: 'Eine Einstellung (oder alle) anzeigen',
    usage: '[KEY]',
    async run(ctx) {
      const [key] = ctx.positionals;
      if (!key) {
        const all = ctx.app.core.settings.all();
        ctx.print(all, () => Object.entries(all).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('\n'));
        return;
      }
      const r = await ctx.app.call('settings:get', { key });
      ctx.print(r, () => (typeof r.value === 'string' ? r.value : JSON.stringify(r.value)));
    },
  },
  {
    name: 'settings set',
    summary: 'Eine Einstellung setzen',
    usage: 'KEY VALUE',
    async run(ctx) {
      const [key, value, ...rest] = ctx.positionals;
      if (!key || value === undefined || rest.length) throw new UsageError('KEY und VALUE erwartet');
      const r = await ctx.app.call('settings:set', { key, value });
      ctx.print(r, () => `${r.key} = ${JSON.stringify(r.value)}`);
    },
  },
  {
    name: 'jobs list',
    summary: 'Laufende und letzte Jobs anzeigen',
    options: { active: { type: 'boolean' } },
    async run(ctx) {
      const jobs = await ctx.app.call('jobs:list', { active: ctx.values.active === true });
      ctx.print(jobs, () => jobs.map((j) => `${j.id}  ${j.state.padEnd(9)} ${j.done}/${j.total}  ${j.label}${j.summary ? ' — ' + j.summary : ''}`).join('\n') || 'Keine Jobs.');
    },
  },
];
