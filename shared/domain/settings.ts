import { z } from 'zod';
import { isValidIBAN, electronicFormatIBAN, isValidBIC } from 'ibantools';
import { CountryCode } from './address';

const trimmed = z.string().trim();

/** An IBAN as typed by a person (spaces allowed); stored in electronic format. Empty means "not given". */
export const IbanField = trimmed.transform((v, ctx) => {
  if (v === '') return '';
  const e = electronicFormatIBAN(v) ?? '';
  if (!isValidIBAN(e)) {
    ctx.addIssue({ code: 'custom', message: 'iban.invalid' });
    return z.NEVER;
  }
  return e;
});

/** The seller's company data: printed on every invoice, label sender line and e-invoice. */
export const CompanySettings = z.object({
  companyName: trimmed.max(120).default(''),
  ownerName: trimmed.max(120).default(''),
  street: trimmed.max(120).default(''),
  zip: trimmed.max(12).default(''),
  city: trimmed.max(80).default(''),
  country: CountryCode.default('DE'),
  email: z.union([z.literal(''), z.string().trim().email('email.invalid')]).default(''),
  phone: trimmed.max(40).default(''),
  /** USt-IdNr. such as DE123456789. */
  vatId: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine((v) => v === '' || /^[A-Z]{2}[0-9A-Z+*.]{2,12}$/.test(v), 'vatId.invalid')
    .default(''),
  /** Steuernummer such as 12/345/67890. */
  taxNumber: trimmed
    .refine((v) => v === '' || /^[0-9][0-9 /]{8,16}[0-9]$/.test(v), 'taxNumber.invalid')
    .default(''),
  bankAccountHolder: trimmed.max(70).default(''),
  iban: IbanField.default(''),
  bic: trimmed
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine((v) => v === '' || isValidBIC(v), 'bic.invalid')
    .default(''),
  bankName: trimmed.max(70).default(''),
  /** Logo as a data: URL (PNG or JPEG), at most ~512 KB. */
  logoDataUrl: z
    .string()
    .refine((v) => v === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v), 'logo.invalid')
    .refine((v) => v.length <= 700_000, 'logo.tooLarge')
    .default(''),
  /** §19 UStG: no VAT is charged or shown. */
  kleinunternehmer: z.boolean().default(false),
  invoiceFooter: trimmed.max(500).default(''),
});
export type CompanySettings = z.infer<typeof CompanySettings>;
export type CompanySettingsInput = z.input<typeof CompanySettings>;

export const emptyCompanySettings = (): CompanySettings => CompanySettings.parse({});
