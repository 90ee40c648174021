import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { pick } from '../../i18n';
import type { AdminProductSummary, Page, ProductDetail } from '../../types';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
  max?: number;
  disabled?: boolean;
}

/**
 * Products by search (adminListProducts `q`: titles and SKU codes), several at once, in the order
 * picked. Products already chosen are named by fetching them once; a draft or archived one is
 * marked, since the landing page will not show it.
 */
export function ProductPicker({ value = [], onChange, id, max = 48, disabled }: Props) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [found, setFound] = useState<AdminProductSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const label = (p: { title: { 'zh-CN': string; en: string }; status: string }) =>
    p.status === 'active' ? pick(p.title) : `${pick(p.title)} (${t(`productStatus.${p.status}`)})`;

  // Name the chosen products the search has not brought in.
  const unknown = value.filter((v) => !(v in labels));
  useEffect(() => {
    if (!unknown.length) return;
    let live = true;
    void Promise.all(unknown.map((pid) => api.get<ProductDetail>(`/products/${pid}`).then((p) => [pid, label(p)] as const, () => [pid, pid] as const))).then((pairs) => {
      if (live) setLabels((l) => ({ ...l, ...Object.fromEntries(pairs) }));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unknown.join(',')]);

  const search = (q: string) => {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    if (!q.trim()) {
      setFound([]);
      setSearching(false);
      return;
    }
    setSearching(true);
    timer.current = setTimeout(() => {
      api.get<Page<AdminProductSummary>>('/products', { q: q.trim().slice(0, 100), limit: 20 }).then(
        (page) => {
          if (mine !== seq.current) return;
          setFound(page.items);
          setLabels((l) => ({ ...l, ...Object.fromEntries(page.items.map((p) => [p.id, label(p)])) }));
          setSearching(false);
        },
        () => mine === seq.current && setSearching(false),
      );
    }, 250);
  };

  const options = [
    ...value.map((v) => ({ value: v, label: labels[v] ?? '…' })),
    ...found.filter((p) => !value.includes(p.id)).map((p) => ({ value: p.id, label: label(p) })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(ids: string[]) => onChange?.(ids.slice(0, max))}
      options={options}
      placeholder={t('campaigns.productsSearch')}
      notFoundContent={searching ? <Spin size="small" /> : null}
      disabled={disabled}
      maxCount={max}
      style={{ width: '100%' }}
    />
  );
}
