import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '../app/responsive';

/**
 * antd's Table as the console uses it. On a phone it scrolls sideways inside its own box instead
 * of widening the page; the box is focusable and named after the table, so it can be scrolled
 * from the keyboard too. Columns without a title (row actions, the expand button) get one that
 * only screen readers read, so no header cell is empty.
 */
// antd types a table's rows this way; the screens' row interfaces fit it.
type Row = Record<PropertyKey, any>;

export function DataTable<T extends Row>({ label, columns, expandable, ...props }: TableProps<T> & { label: string }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const hidden = (text: string) => <span className="sk-sr-only">{text}</span>;
  const titled = columns?.map((c) => (c.title === undefined ? { ...c, title: hidden(t('common.actions')) } : c));
  const expand = expandable ? { columnTitle: hidden(t('common.details')), ...expandable } : undefined;
  if (!narrow) return <Table<T> {...props} columns={titled} expandable={expand} />;
  return (
    <div className="sk-table-scroll" role="region" aria-label={label} tabIndex={0}>
      <Table<T> {...props} columns={titled} expandable={expand} scroll={undefined} />
    </div>
  );
}
