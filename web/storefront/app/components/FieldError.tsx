import type { FieldErrors } from '../lib/forms';
import { useLocale } from '../lib/hooks';

/** The attributes that tie a field to its message (screen readers read it with the field). */
export function invalidProps(name: string, errors: FieldErrors | undefined) {
  return errors?.[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${name}-error` } : {};
}

/** What is wrong with one field, right under it, in the page's language. */
export function FieldError({ name, errors }: { name: string; errors: FieldErrors | undefined }) {
  const { t } = useLocale();
  const key = errors?.[name];
  return key ? (
    <span id={`${name}-error`} className="field-error" data-field-error={name}>
      {t(key)}
    </span>
  ) : null;
}
