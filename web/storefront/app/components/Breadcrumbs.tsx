import { useLocale } from '../lib/hooks';

export function Breadcrumbs({ crumbs }: { crumbs: Array<{ name: string; to: string }> }) {
  const { t } = useLocale();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="crumbs">
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.to}>{i === crumbs.length - 1 ? <span aria-current="page">{c.name}</span> : <a href={c.to}>{c.name}</a>}</li>
        ))}
      </ol>
    </nav>
  );
}
