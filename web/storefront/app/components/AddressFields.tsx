import type { Locale } from '../i18n';
import type { Region } from '../lib/types';
import { useLocale } from '../lib/hooks';
import { pick } from '../lib/locale';
import { useHydrated } from '../lib/use-hydrated';
import type { FieldErrors } from '../lib/forms';
import { FieldError, invalidProps } from './FieldError';

/** An address after the recipient: 广东省深圳市南山区 科技园路 1 号; in English the street first, the province last. */
export function addressLine(region: string, detail: string, locale: Locale): string {
  return locale === 'en' ? `${detail}, ${region}` : `${region} ${detail}`;
}

export interface AddressValues {
  recipient?: string;
  mobile?: string;
  detail?: string;
  postalCode?: string;
  province?: string;
  city?: string;
  district?: string;
}

/**
 * Recipient, mobile, province → city → district pickers (GB/T 2260 from listRegions) and street.
 * Choosing a province or city reloads the lists below it: with JavaScript through `onRegion`
 * (a GET navigation carrying only region codes), without it through the "update region lists"
 * button, which posts the form with intent=refresh and keeps what was typed.
 */
export function AddressFields(props: {
  provinces: Region[];
  cities: Region[];
  districts: Region[];
  values: AddressValues;
  /** Dictionary keys by field (lib/forms.ts), shown under each field. */
  errors?: FieldErrors;
  onRegion?: (province: string, city: string) => void;
  required?: boolean;
}) {
  const { locale, t } = useLocale();
  const hydrated = useHydrated();
  const v = props.values;
  const req = props.required ?? true;
  const describe = (name: string) => invalidProps(name, props.errors);
  const error = (name: string) => <FieldError name={name} errors={props.errors} />;
  return (
    <div className="address-fields">
      <div className="field">
        <label htmlFor="recipient">{t('address.recipient')}</label>
        <input id="recipient" name="recipient" autoComplete="name" maxLength={40} defaultValue={v.recipient} required={req} {...describe('recipient')} />
        {error('recipient')}
      </div>
      <div className="field">
        <label htmlFor="mobile">{t('address.mobile')}</label>
        <input id="mobile" name="mobile" type="tel" inputMode="numeric" autoComplete="tel-national" pattern="1[3-9]\d{9}" maxLength={11} defaultValue={v.mobile} required={req} {...describe('mobile')} />
        {error('mobile')}
      </div>
      <div className="region-row">
        <div className="field">
          <label htmlFor="province">{t('address.province')}</label>
          <select
            id="province"
            name="province"
            key={`p-${v.province}`}
            defaultValue={v.province ?? ''}
            required={req}
            onChange={(e) => props.onRegion?.(e.currentTarget.value, '')}
            {...describe('province')}
          >
            <option value="">{t('address.choose')}</option>
            {props.provinces.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.names, locale)}
              </option>
            ))}
          </select>
          {error('province')}
        </div>
        <div className="field">
          <label htmlFor="city">{t('address.city')}</label>
          <select
            id="city"
            name="city"
            key={`c-${v.province}-${v.city}`}
            defaultValue={v.city ?? ''}
            required={req}
            disabled={props.cities.length === 0}
            onChange={(e) => props.onRegion?.(v.province ?? '', e.currentTarget.value)}
            {...describe('city')}
          >
            <option value="">{t('address.choose')}</option>
            {props.cities.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.names, locale)}
              </option>
            ))}
          </select>
          {error('city')}
        </div>
        <div className="field">
          <label htmlFor="district">{t('address.district')}</label>
          <select
            id="district"
            name="district"
            key={`d-${v.city}-${v.district}`}
            defaultValue={v.district ?? ''}
            required={req}
            disabled={props.districts.length === 0}
            {...describe('district')}
          >
            <option value="">{t('address.choose')}</option>
            {props.districts.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.names, locale)}
              </option>
            ))}
          </select>
          {error('district')}
        </div>
      </div>
      {hydrated && props.onRegion ? null : (
        <button type="submit" name="intent" value="refresh" formNoValidate className="secondary">
          {t('address.loadRegions')}
        </button>
      )}
      <div className="field">
        <label htmlFor="detail">{t('address.detail')}</label>
        <input id="detail" name="detail" autoComplete="street-address" maxLength={200} defaultValue={v.detail} required={req} {...describe('detail')} />
        {error('detail')}
      </div>
    </div>
  );
}
