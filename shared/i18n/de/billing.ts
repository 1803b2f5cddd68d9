/** German UI text of the billing capability; keys start with 'billing.'. */
export const billing = {} as const;
