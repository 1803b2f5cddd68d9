/** German UI text of the shell capability; keys start with 'shell.'. */
export const shell = {} as const;
