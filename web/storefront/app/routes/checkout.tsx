import {
  data,
  Form,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import { ApiError, mutatingApiFor, apiFor } from '../lib/api.server';
import { checkoutState, couponCodesOf, redeemTyped, type CheckoutChoice, type CheckoutState } from '../lib/checkout.server';
import { landingUtm } from '../lib/attribution.server';
import { clearCartIdCookie } from '../lib/cookies.server';
import { ADDRESS_API_NAMES, checkedFields, checks, fields, problemFieldErrors, type Check, type FieldErrors } from '../lib/forms';
import { useFormCheck } from '../lib/use-form-check';
import { money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { useHydrated } from '../lib/use-hydrated';
import { metaT, seo } from '../lib/seo';
import { AddressFields, addressLine, type AddressValues } from '../components/AddressFields';
import { Notice } from '../components/Notice';
import { PriceSummary } from '../components/PriceSummary';
import { Offers } from '../components/Offers';
import { CheckoutOffers } from '../components/CheckoutOffers';
import type { OrderDetail, PriceQuote } from '../lib/types';

export const handle = { hydrate: true };

const choiceOf = (get: (k: string) => string | null): Partial<CheckoutChoice> => ({
  address: get('address') ?? undefined,
  shipping: get('shipping') ?? undefined,
  province: get('province') ?? undefined,
  city: get('city') ?? undefined,
  variantId: get('variantId') ?? undefined,
  quantity: get('quantity') ?? undefined,
  coupons: get('coupons') ?? undefined,
  points: get('points') ?? undefined,
});

/** Only what the page shows: the quote comes from the cart (or buy-now item) read with the chosen method and province. */
const view = (s: CheckoutState, idempotencyKey: string) => ({
  lines: s.lines!,
  addresses: s.addresses,
  methods: s.methods,
  provinces: s.provinces,
  cities: s.cities,
  districts: s.districts,
  choice: s.choice,
  coupons: s.coupons,
  points: s.points,
  offerError: s.offerError,
  idempotencyKey,
});

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const state = await checkoutState(apiFor(context, locale), request, choiceOf((k) => url.searchParams.get(k)), context.publicUrl);
  if (!state.lines) {
    throw redirect(lp(locale, '/cart'), state.clearCookie ? { headers: { 'set-cookie': state.clearCookie } } : undefined);
  }
  // A new key per visit of the page: a double submit or a retry of the same form places one order.
  return view(state, crypto.randomUUID());
}

/** The new-address fields are checked only when the shopper chose to type a new address. */
const checkoutCheck: Check = (f) => (f.address === 'new' ? checks.address(f) : {});
const CHECKED_FIELDS = [...checkedFields.address, 'address'];

const FORM_FIELDS = ['intent', 'address', 'shipping', 'recipient', 'mobile', 'province', 'city', 'district', 'detail', 'note', 'saveAddress', 'idempotencyKey', 'variantId', 'quantity', 'couponCode', 'usePoints'] as const;

/** The coupons ticked, plus one typed; points: `all` the shopper holds when they chose to use them (the API caps the share). */
function offersChosen(form: FormData, f: Record<string, string>): { coupons: string; points: string } {
  const ticked = form.getAll('coupon').filter((v): v is string => typeof v === 'string');
  return { coupons: couponCodesOf([...ticked, f.couponCode].join(',')).join(','), points: f.usePoints === '1' ? 'all' : '' };
}

export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const form = await request.formData();
  const f = fields(form, FORM_FIELDS);
  const api = await mutatingApiFor(context, request, locale);
  // A typed public code or redeem code (兑换码) becomes one of the shopper's own coupons first.
  const typed = await redeemTyped(api, f.couponCode);
  const chosen = offersChosen(form, { ...f, couponCode: typed.code });
  const state = await checkoutState(api, request, { ...choiceOf((k) => f[k] || null), ...chosen }, context.publicUrl);
  if (typed.error && !state.offerError) state.offerError = typed.error;
  const values: AddressValues = { recipient: f.recipient, mobile: f.mobile, detail: f.detail, province: state.choice.province, city: state.choice.city, district: f.district };
  const again = (status: number, extra: { error?: string; errors?: FieldErrors }) =>
    data({ values, note: f.note, state: state.lines ? view(state, f.idempotencyKey || crypto.randomUUID()) : null, ...extra }, { status });

  if (!state.lines) return redirect(lp(locale, '/cart'));
  if (f.intent === 'refresh') return again(200, {});
  // What the shopper asked for was set aside (a code that is not theirs…): show the new total before placing anything.
  if (state.offerError) return again(422, { error: state.offerError });

  const isNew = state.choice.address === 'new';
  const errors = checkoutCheck({ ...f, address: state.choice.address ?? '', province: state.choice.province ?? '', city: state.choice.city ?? '' });
  if (isNew && f.district && !state.districts.some((d) => d.code === f.district)) errors.district = 'form.districtRequired';
  if (Object.keys(errors).length) return again(422, { errors });

  try {
    let addressId = isNew ? undefined : state.choice.address;
    if (isNew && f.saveAddress) {
      const saved = await api.post<{ id: string }>('/api/store/me/addresses', {
        recipientName: f.recipient,
        mobile: f.mobile,
        provinceCode: state.choice.province,
        cityCode: state.choice.city,
        districtCode: f.district,
        detail: f.detail,
      });
      addressId = saved.id;
    }
    const address = addressId
      ? undefined
      : {
          recipient: f.recipient,
          mobile: f.mobile,
          provinceCode: state.choice.province,
          cityCode: state.choice.city,
          districtCode: f.district,
          // The API writes the region text from the codes (Chinese, as a courier label needs it).
          detail: f.detail,
        };
    const order = await api.request<OrderDetail>(
      'POST',
      '/api/store/orders',
      {
        ...(state.buyNow ? { items: [state.buyNow] } : { cartId: state.cart?.id }),
        shippingMethodId: state.choice.shipping,
        addressId,
        address,
        note: f.note || null,
        utm: landingUtm(request),
        ...(state.choice.coupons ? { couponCodes: couponCodesOf(state.choice.coupons) } : {}),
        ...(state.pointsAsked > 0 ? { points: state.pointsAsked } : {}),
      },
      { headers: { 'idempotency-key': f.idempotencyKey || crypto.randomUUID() } },
    );
    // The cart became the order; the next add-to-cart opens a new one. A buy-now order leaves the cart alone.
    return redirect(lp(locale, `/orders/${order.number}/pay`), state.buyNow ? undefined : { headers: { 'set-cookie': clearCartIdCookie(context.publicUrl) } });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const errors = isNew ? problemFieldErrors(err, ADDRESS_API_NAMES) : {};
    return Object.keys(errors).length ? again(422, { errors }) : again(422, { error: err.message });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.checkoutTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function CheckoutPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { locale, t } = useLocale();
  const s = result?.state ?? loaded;
  const values: AddressValues = result?.values ?? { province: s.choice.province, city: s.choice.city };
  const quote = s.lines.quote as PriceQuote | null;
  // With JavaScript, a changed choice re-prices through the loader; only ids and region codes go in the URL.
  const reprice = (patch: Partial<CheckoutChoice>) => {
    const next = { ...s.choice, ...patch };
    submit(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v)),
      { method: 'get', replace: true, preventScrollReset: true },
    );
  };
  const busy = navigation.state === 'submitting' && navigation.formMethod === 'POST';
  const hydrated = useHydrated();
  const serverErrors = result && 'errors' in result ? result.errors : undefined;
  const check = useFormCheck(checkoutCheck, CHECKED_FIELDS, serverErrors);

  return (
    <>
      <h1>{t('checkout.heading')}</h1>
      {result && 'error' in result && result.error ? <Notice kind="error">{result.error}</Notice> : s.offerError ? <Notice kind="error">{s.offerError}</Notice> : null}
      {serverErrors && Object.keys(serverErrors).length ? <Notice kind="error">{t('form.fixFields')}</Notice> : null}
      <Form method="post" className="two-col checkout" noValidate onSubmit={check.onSubmit}>
        <input type="hidden" name="idempotencyKey" value={s.idempotencyKey} />
        {s.choice.variantId ? (
          <>
            <input type="hidden" name="variantId" value={s.choice.variantId} />
            <input type="hidden" name="quantity" value={s.choice.quantity} />
          </>
        ) : null}
        <div>
          <fieldset className="panel">
            <legend>{t('checkout.address')}</legend>
            {s.addresses.length ? (
              <ul className="choices">
                {s.addresses.map((a) => (
                  <li key={a.id}>
                    <label className="choice">
                      <input type="radio" name="address" value={a.id} defaultChecked={s.choice.address === a.id} onChange={() => reprice({ address: a.id })} />
                      <span>
                        <strong>
                          {a.recipientName} {a.mobile}
                        </strong>
                        {a.isDefault ? <span className="badge">{t('address.default')}</span> : null}
                        <br />
                        {addressLine(pick(a.region, locale), a.detail, locale)}
                      </span>
                    </label>
                  </li>
                ))}
                <li>
                  <label className="choice">
                    <input type="radio" name="address" value="new" defaultChecked={s.choice.address === 'new'} onChange={() => reprice({ address: 'new' })} />
                    <span>{t('checkout.newAddress')}</span>
                  </label>
                </li>
              </ul>
            ) : (
              <input type="hidden" name="address" value="new" />
            )}
            {/* Without JavaScript the radio cannot reveal them, so the new-address fields are always there. */}
            {s.choice.address === 'new' || !hydrated ? (
              <>
                <AddressFields
                  required={s.choice.address === 'new'}
                  provinces={s.provinces}
                  cities={s.cities}
                  districts={s.districts}
                  values={values}
                  errors={check.errors}
                  onRegion={(province, city) => reprice({ address: 'new', province, city })}
                />
                <label className="check">
                  <input type="checkbox" name="saveAddress" value="1" defaultChecked /> {t('checkout.saveAddress')}
                </label>
              </>
            ) : null}
          </fieldset>

          <fieldset className="panel">
            <legend>{t('checkout.shippingMethod')}</legend>
            <ul className="choices">
              {s.methods.map((m) => (
                <li key={m.id}>
                  <label className="choice">
                    <input type="radio" name="shipping" value={m.id} defaultChecked={s.choice.shipping === m.id} onChange={() => reprice({ shipping: m.id })} />
                    <span>
                      {pick(m.name, locale)}
                      {m.kind === 'freeOver' && m.freeThreshold ? <span className="muted"> · {t('checkout.freeOver', { amount: money(m.freeThreshold, locale) })}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>

          <CheckoutOffers state={s} onChange={reprice} />

          <div className="panel">
            <div className="field">
              <label htmlFor="note">{t('checkout.note')}</label>
              <textarea id="note" name="note" maxLength={500} rows={2} defaultValue={result?.note ?? ''} />
            </div>
          </div>
        </div>

        <aside className="panel">
          <h2>{t('checkout.items')}</h2>
          <ul className="mini-lines">
            {s.lines.items
              .filter((i) => i.available)
              .map((i) => (
                <li key={i.id}>
                  <span>
                    {pick(i.title, locale)} × {i.quantity}
                  </span>
                  <span>{i.unitPrice !== null ? money(i.unitPrice * i.quantity, locale) : ''}</span>
                </li>
              ))}
          </ul>
          <h2>{t('checkout.summary')}</h2>
          {quote ? <PriceSummary quote={quote} shippingKnown /> : null}
          <Offers offers={s.lines.offers} />
          {hydrated ? null : (
            <button type="submit" name="intent" value="refresh" formNoValidate className="secondary block">
              {t('checkout.updateTotal')}
            </button>
          )}
          <button type="submit" name="intent" value="place" className="primary block" disabled={busy}>
            {t('checkout.placeOrder')}
          </button>
        </aside>
      </Form>
    </>
  );
}
