import type { Contributions } from '../../app/registries';
import { RegistrationBar } from './RegistrationBar';
import { TrialEndedDialog } from './TrialEndedDialog';

/** What the billing capability adds to the shell: the first-start registration and the trial-ended dialog. */
export const billingContributions: Contributions = {
  overlays: [
    { id: 'billing.registration', Component: RegistrationBar },
    { id: 'billing.trialEnded', Component: TrialEndedDialog },
  ],
};
