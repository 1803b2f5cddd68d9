/** German UI text of the orders capability; keys start with 'orders.'. */
export const orders = {} as const;
