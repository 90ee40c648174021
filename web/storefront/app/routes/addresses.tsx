import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import type { Api } from '../../../shared/api';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { ADDRESS_API_NAMES, checkedFields, checks, fields, problemFieldErrors, type FieldErrors } from '../lib/forms';
import { useFormCheck } from '../lib/use-form-check';
import { localeOfPath, pick } from '../lib/locale';
import { requireCustomer, safeNext } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { AddressFields, addressLine, type AddressValues } from '../components/AddressFields';
import { Empty, Notice } from '../components/Notice';
import type { Address, Region } from '../lib/types';

export const handle = { hydrate: true };

const regions = async (api: Api, parent?: string) => (await api.get<{ items: Region[] }>('/api/store/regions', parent ? { parent } : undefined)).items;

/** The address book, and the region lists for the chosen province and city (codes in the URL, never names). */
async function pageData(api: Api, province: string, city: string) {
  const [addresses, provinces] = await Promise.all([api.get<{ items: Address[] }>('/api/store/me/addresses').then((r) => r.items), regions(api)]);
  const p = provinces.some((x) => x.code === province) ? province : '';
  const cities = p ? await regions(api, p) : [];
  const c = cities.some((x) => x.code === city) ? city : '';
  const districts = c ? await regions(api, c) : [];
  return { addresses, provinces, cities, districts, province: p, city: c };
}

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const page = await pageData(apiFor(context, locale), url.searchParams.get('province') ?? '', url.searchParams.get('city') ?? '');
  // Sent here from another page (the flash sale's "add an address first"): the way back, once saved.
  return { ...page, next: safeNext(url.searchParams.get('next'), '') || null };
}

export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const f = fields(await request.formData(), ['intent', 'id', 'recipient', 'mobile', 'province', 'city', 'district', 'detail', 'isDefault']);
  const api = await mutatingApiFor(context, request, locale);
  const values: AddressValues = { recipient: f.recipient, mobile: f.mobile, detail: f.detail, province: f.province, city: f.city, district: f.district };
  try {
    if (f.intent === 'delete') {
      await api.delete(`/api/store/me/addresses/${encodeURIComponent(f.id)}`);
      return { done: 'deleted' as const };
    }
    if (f.intent === 'default') {
      await api.post(`/api/store/me/addresses/${encodeURIComponent(f.id)}/default`);
      return { done: 'default' as const };
    }
    if (f.intent === 'refresh') return { refresh: await pageData(api, f.province, f.city), values };
    const errors = checks.address(f);
    if (Object.keys(errors).length) return data({ errors, values, refresh: await pageData(api, f.province, f.city) }, { status: 422 });
    await api.post('/api/store/me/addresses', {
      recipientName: f.recipient,
      mobile: f.mobile,
      provinceCode: f.province,
      cityCode: f.city,
      districtCode: f.district,
      detail: f.detail,
      isDefault: f.isDefault === '1',
    });
    return { done: 'saved' as const };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const errors = problemFieldErrors(err, ADDRESS_API_NAMES);
    const known = Object.keys(errors).length > 0;
    return data({ error: known ? undefined : err.message, errors, values, refresh: await pageData(api, f.province, f.city) }, { status: 422 });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.addressesTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function AddressesPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | { done?: 'deleted' | 'default' | 'saved'; error?: string; errors?: FieldErrors; values?: AddressValues; refresh?: typeof loaded }
    | undefined;
  const navigation = useNavigation();
  const submit = useSubmit();
  const { locale, t } = useLocale();
  const lists = result?.refresh ?? loaded;
  const busy = navigation.state !== 'idle';
  // A finished save starts an empty form (the key changes); a failed one keeps what was typed.
  const formKey = result?.done === 'saved' ? `saved-${loaded.addresses.length}` : 'form';
  const check = useFormCheck(checks.address, checkedFields.address, result?.errors);
  return (
    <>
      <h1>{t('account.addresses')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {result?.errors && Object.keys(result.errors).length ? <Notice kind="error">{t('form.fixFields')}</Notice> : null}
      {result?.done === 'saved' ? (
        <Notice kind="success">
          {t('address.saved')}
          {loaded.next ? (
            <>
              {' '}
              <Link to={loaded.next}>{backWords(loaded.next, t)}</Link>
            </>
          ) : null}
        </Notice>
      ) : loaded.next ? (
        <p>
          <Link to={loaded.next}>{backWords(loaded.next, t)}</Link>
        </p>
      ) : null}
      {loaded.addresses.length === 0 ? (
        <Empty title={t('address.empty')} />
      ) : (
        <ul className="address-list">
          {loaded.addresses.map((a) => (
            <li key={a.id} className="panel">
              <p>
                <strong>
                  {a.recipientName} {a.mobile}
                </strong>{' '}
                {a.isDefault ? <span className="badge">{t('address.default')}</span> : null}
              </p>
              <p>
                {addressLine(pick(a.region, locale), a.detail, locale)}
              </p>
              <div className="order-actions">
                {a.isDefault ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" name="intent" value="default" className="secondary" disabled={busy}>
                      {t('address.setDefault')}
                    </button>
                  </Form>
                )}
                <Form method="post">
                  <input type="hidden" name="id" value={a.id} />
                  <button type="submit" name="intent" value="delete" className="secondary" disabled={busy} aria-label={t('address.deleteAddress', { name: a.recipientName })}>
                    {t('address.delete')}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="panel stack" key={formKey} noValidate onSubmit={check.onSubmit}>
        <h2>{t('address.add')}</h2>
        <AddressFields
          provinces={lists.provinces}
          cities={lists.cities}
          districts={lists.districts}
          values={result?.values ?? { province: lists.province, city: lists.city }}
          errors={check.errors}
          onRegion={(province, city) => submit({ province, city, ...(loaded.next ? { next: loaded.next } : {}) }, { method: 'get', replace: true, preventScrollReset: true })}
        />
        <label className="check">
          <input type="checkbox" name="isDefault" value="1" /> {t('address.isDefault')}
        </label>
        <button type="submit" name="intent" value="save" className="primary" disabled={busy}>
          {t('address.save')}
        </button>
      </Form>
    </>
  );
}

/** The link back to the page that sent the shopper here. */
function backWords(next: string, t: ReturnType<typeof useLocale>['t']): string {
  return /^(\/en)?\/flash(\?|$)/.test(next) ? t('flash.backToFlash') : t('common.back');
}
