import { z } from 'zod';

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Ländercode nach ISO 3166-1 (zwei Großbuchstaben) erwartet');

/**
 * A postal address as Deutsche Post and the invoice need it. Marketplaces give free-text
 * lines; the importer splits them into this shape (street vs. house number, Packstation, c/o).
 */
export const Address = z.object({
  name: z.string(),
  company: z.string().default(''),
  /** "c/o …" line, kept verbatim. */
  careOf: z.string().default(''),
  kind: z.enum(['street', 'packstation', 'postfiliale']).default('street'),
  /** Street name, or "Packstation" / "Postfiliale" for those kinds. */
  street: z.string().default(''),
  /** House number, or the Packstation/Postfiliale number. */
  houseNumber: z.string().default(''),
  /** Adresszusatz (floor, building, …). */
  addition: z.string().default(''),
  /** DHL PostNummer for Packstation/Postfiliale. */
  postNumber: z.string().default(''),
  zip: z.string().default(''),
  city: z.string().default(''),
  state: z.string().default(''),
  country: CountryCode,
  phone: z.string().default(''),
  email: z.string().default(''),
});
export type Address = z.infer<typeof Address>;
export type AddressInput = z.input<typeof Address>;

/** Codes of the warnings an address can carry; the UI words them through i18n (`address.warning.<code>`). */
export const AddressWarningCode = z.enum([
  'missing_house_number',
  'missing_street',
  'missing_zip',
  'missing_city',
  'missing_name',
  'line_too_long',
  'zip_country_mismatch',
  'packstation_without_postnummer',
  'international_hub',
]);
export type AddressWarningCode = z.infer<typeof AddressWarningCode>;
export const AddressWarning = z.object({ code: AddressWarningCode, field: z.string(), detail: z.string().default('') });
export type AddressWarning = z.infer<typeof AddressWarning>;
