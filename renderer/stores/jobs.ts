import { create } from 'zustand';
import type { JobView } from '../../shared/domain/job';

type JobsState = { jobs: Record<string, JobView>; upsert(j: JobView): void; dismiss(id: string): void };

/** Live job progress from 'job:progress' events; the job area shows these. */
export const useJobs = create<JobsState>((set) => ({
  jobs: {},
  upsert: (j) => set((s) => ({ jobs: { ...s.jobs, [j.id]: j } })),
  dismiss: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.jobs;
      return { jobs: rest };
    }),
}));
