import { z } from 'zod';
import type { Db } from '../../db/types';
import { getSetting, setSetting } from '../../db/repos/settings';
import { CompanySettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { describeZodError } from '../../ipc/dispatcher';

type Scalar = string | number | boolean | null;
type Def = { schema: z.ZodType<Scalar>; default: Scalar; description: string };

/**
 * Typed key/value settings. Each capability registers its keys with a schema; `company.<field>`
 * addresses one field of the company data. Unknown keys and bad values are refused by name.
 */
export class SettingsService {
  private defs = new Map<string, Def>();

  constructor(
    private db: Db,
    private nowIso: () => string,
  ) {}

  register(key: string, schema: z.ZodType<Scalar>, defaultValue: Scalar, description: string): void {
    this.defs.set(key, { schema, default: defaultValue, description });
  }

  company(): CompanySettings {
    return CompanySettings.parse(getSetting(this.db, 'company') ?? {});
  }

  saveCompany(input: unknown): CompanySettings {
    const parsed = CompanySettings.safeParse(input);
    if (!parsed.success) throw new AppError('VALIDATION', describeZodError(parsed.error), parsed.error.issues);
    setSetting(this.db, 'company', parsed.data, this.nowIso());
    return parsed.data;
  }

  keys(): string[] {
    const companyKeys = Object.keys(CompanySettings.shape).map((k) => `company.${k}`);
    return [...companyKeys, ...this.defs.keys()].sort();
  }

  get(key: string): Scalar {
    if (key.startsWith('company.')) {
      const field = key.slice('company.'.length) as keyof CompanySettings;
      if (!(field in CompanySettings.shape)) throw this.unknown(key);
      return this.company()[field] as Scalar;
    }
    const def = this.defs.get(key);
    if (!def) throw this.unknown(key);
    const stored = getSetting<Scalar>(this.db, key);
    return stored === undefined ? def.default : stored;
  }

  /** Values from the command line arrive as text; they are coerced to the key's type. */
  set(key: string, value: Scalar): Scalar {
    if (key.startsWith('company.')) {
      const field = key.slice('company.'.length);
      const shape = CompanySettings.shape as Record<string, z.ZodType>;
      if (!(field in shape)) throw this.unknown(key);
      const v = field === 'kleinunternehmer' ? coerceBool(value, key) : value;
      const saved = this.saveCompany({ ...this.company(), [field]: v });
      return saved[field as keyof CompanySettings] as Scalar;
    }
    const def = this.defs.get(key);
    if (!def) throw this.unknown(key);
    let candidate: unknown = value;
    if (typeof def.default === 'boolean') candidate = coerceBool(value, key);
    else if (typeof def.default === 'number' && typeof value === 'string') candidate = Number(value.replace(',', '.'));
    const r = def.schema.safeParse(candidate);
    if (!r.success) throw new AppError('VALIDATION', `${key}: ${r.error.issues.map((i) => i.message).join('; ')}`);
    setSetting(this.db, key, r.data, this.nowIso());
    return r.data;
  }

  all(): Record<string, Scalar> {
    return Object.fromEntries(this.keys().map((k) => [k, this.get(k)]));
  }

  private unknown(key: string): AppError {
    return new AppError('UNKNOWN_SETTING', `Unbekannte Einstellung „${key}“. Bekannt sind: ${this.keys().join(', ')}`);
  }
}

function coerceBool(v: Scalar, key: string): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['true', '1', 'ja', 'yes', 'an', 'on'].includes(s)) return true;
  if (['false', '0', 'nein', 'no', 'aus', 'off'].includes(s)) return false;
  throw new AppError('VALIDATION', `${key}: „ja“ oder „nein“ (true/false) erwartet, nicht „${String(v)}“`);
}
