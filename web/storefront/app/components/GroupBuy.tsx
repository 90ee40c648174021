import { Form, Link, useActionData, useNavigation } from 'react-router';
import { money } from '../lib/format';
import { useLocale } from '../lib/hooks';
import { lp } from '../lib/locale';
import { isRefusal, type GroupBuyOption, type SeatRefusal } from '../lib/group-buy';

export interface ShipTo {
  id: string;
  who: string;
  line: string;
}

/** Where the order goes (the default address, with a link to change it), or what to do first. */
export function GroupShipping({ signedIn, address, loginHref, addressesHref }: { signedIn: boolean; address: ShipTo | null; loginHref: string; addressesHref: string }) {
  const { t } = useLocale();
  if (!signedIn) {
    return (
      <p className="flash-ship">
        {t('groupBuy.signInFirst')} <Link to={loginHref}>{t('flash.signIn')}</Link>
      </p>
    );
  }
  if (!address) {
    return (
      <p className="flash-ship flash-ship-missing" role="note">
        {t('flash.addressFirst')} <Link to={addressesHref}>{t('flash.addAddress')}</Link>
      </p>
    );
  }
  return (
    <p className="flash-ship">
      <span className="muted">{t('flash.shipTo')}</span> <strong>{address.who}</strong> {address.line}{' '}
      <Link to={addressesHref} aria-label={t('flash.changeAddressLabel')}>
        {t('flash.changeAddress')}
      </Link>
    </p>
  );
}

/**
 * 开团 / 参团: a form posted to the page (works without JavaScript); the action sends the shopper to
 * the pay page, or answers a refusal worded here. Guests and shoppers without an address get links.
 */
export function SeatForm(props: { words: string; options: GroupBuyOption[]; leader: boolean; signedIn: boolean; address: ShipTo | null; loginHref: string; addressesHref: string; activityHref: string }) {
  const { t, locale } = useLocale();
  const navigation = useNavigation();
  const refused = useActionData<SeatRefusal>();
  const busy = navigation.state !== 'idle' && navigation.formMethod?.toUpperCase() === 'POST';
  if (!props.signedIn) {
    return (
      <Link to={props.loginHref} className="button">
        {t('groupBuy.signInTo', { action: props.words })}
      </Link>
    );
  }
  if (!props.address) {
    return (
      <Link to={props.addressesHref} className="button secondary">
        {t('flash.addAddressToBuy')}
      </Link>
    );
  }
  const only = props.options.length === 1 ? props.options[0] : null;
  return (
    <Form method="post" className="group-seat">
      <input type="hidden" name="addressId" value={props.address.id} />
      <input type="hidden" name="quantity" value="1" />
      {only ? (
        <input type="hidden" name="variantId" value={only.variantId} />
      ) : (
        <label className="flash-qty">
          <span>{t('groupBuy.option')}</span>
          <select name="variantId" defaultValue={props.options[0]?.variantId}>
            {props.options.map((o) => (
              <option key={o.variantId} value={o.variantId}>
                {o.label} · {money(props.leader ? o.leaderPrice : o.groupPrice, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('groupBuy.placing') : props.words}
      </button>
      {refused?.error ? (
        <p className="flash-outcome notice notice-error" role="alert">
          {isRefusal(refused.error.code) ? t(`groupBuy.refusals.${refused.error.code}`) : refused.error.message || t('flash.refusals.other')}
          {refused.error.offerNewTeam ? (
            <>
              {' '}
              <a href={lp(locale, props.activityHref)}>{t('groupBuy.openOwn')}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </Form>
  );
}
