/** German UI text of the documents capability; keys start with 'documents.'. */
export const documents = {} as const;
