/** Order fields a generic CSV column can be mapped to (the seller picks a header for each). */
export const GENERIC_FIELDS = [
  'externalId', 'orderDate', 'status', 'buyerName', 'buyerEmail', 'shipName', 'shipCompany', 'shipStreet', 'shipLine2',
  'shipZip', 'shipCity', 'shipCountry', 'itemTitle', 'itemSku', 'itemQuantity', 'itemPrice', 'shipping', 'total', 'currency',
  'trackingNumber', 'note',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];
export const GENERIC_REQUIRED: readonly GenericField[] = ['externalId', 'orderDate', 'shipName', 'shipStreet', 'shipZip', 'shipCity', 'shipCountry', 'itemTitle', 'itemPrice'];
