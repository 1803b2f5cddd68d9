/** German UI text of the exports capability; keys start with 'exports.'. */
export const exports = {} as const;
