import { TrialBadge } from '../features/billing/TrialBadge';

/** Top right: the trial badge (days left) and whatever else must always be in sight. */
export function HeaderSlot() {
  return <TrialBadge />;
}
