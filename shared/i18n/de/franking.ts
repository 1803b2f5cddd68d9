/** German UI text of the franking capability; keys start with 'franking.'. */
export const franking = {} as const;
