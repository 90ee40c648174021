import { useEffect, useState, type FormEvent } from 'react';
import { fields, type Check, type FieldErrors } from './forms';

/**
 * The browser half of a form's check (forms are `noValidate`: no browser bubble in the browser's
 * own language). Before a submit it runs the same check the action runs; when something is wrong
 * the form is not sent, the messages appear next to the fields and the first one gets the focus.
 * A button with `formNoValidate` (reload the region lists) skips it. The action's answer (its own
 * check, or the API's field errors) replaces what the browser found.
 */
export function useFormCheck(check: Check, names: readonly string[], fromServer: FieldErrors | undefined) {
  const [found, setFound] = useState<FieldErrors | null>(null);
  useEffect(() => setFound(null), [fromServer]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.hasAttribute('formnovalidate')) return;
    const form = event.currentTarget;
    const data = new FormData(form, submitter ?? undefined);
    const errors = check(fields(data, names));
    const first = Object.keys(errors)[0];
    setFound(errors);
    if (first === undefined) return;
    event.preventDefault();
    const target = form.elements.namedItem(first);
    if (target instanceof HTMLElement) target.focus();
  };
  return { errors: found ?? fromServer ?? {}, onSubmit };
}
