/** The days left of the trial, always top right. */
export function TrialBadge() {
  return null;
}
