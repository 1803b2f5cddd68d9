/** German UI text of the labels capability; keys start with 'labels.'. */
export const labels = {} as const;
