import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error.ts';
import { formLevelError } from '../api/field-issues.ts';
import { leadDisplayName } from '../inbox/lead-name.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { useToast } from '../ui/toast.tsx';
import { contactChangesOf, contactFields, contactFormValuesOf, type ContactField, type ContactFormValues } from './lead-contact-form.ts';
import type { Lead } from './lead-detail.ts';
import { useChangeLead } from './lead-mutations.ts';

const fieldHints: Partial<Record<ContactField, string>> = {
  phone: 'Any usual way of writing it; it is stored in international form for the lead’s country.',
  country: 'A name or a two-letter code.',
};
const inputTypes: Partial<Record<ContactField, 'tel' | 'url' | 'text'>> = { phone: 'tel', website: 'url' };

/**
 * Corrects a lead's contact details (not its e-mail, which is who the lead is). Only changed fields
 * are sent; the API normalises them as capture does and answers a bad value at its field. The change
 * and the optional reason go on the timeline; scores that read these fields are recomputed.
 */
export function LeadContactDialog(props: { lead: Lead; onClose(): void }) {
  const toast = useToast();
  const change = useChangeLead(props.lead.id);
  const [initial] = useState<ContactFormValues>(() => contactFormValuesOf(props.lead));
  const [values, setValues] = useState<ContactFormValues>(initial);
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<ContactField, string>>>({});

  const refused = isApiError(change.error) ? change.error : null;
  const fieldError = (field: string) => refused?.issueAt(field) ?? undefined;
  const formError = formLevelError(change.error, [...contactFields.map(([field]) => field), 'reason']);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { changes, errors } = contactChangesOf(initial, values);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (Object.keys(changes).length === 0) return props.onClose();
    const trimmedReason = reason.trim();
    change.mutate(trimmedReason ? { ...changes, reason: trimmedReason } : changes, {
      onSuccess: () => {
        toast.show('Details saved.', 'success');
        props.onClose();
      },
    });
  };

  return (
    <Dialog
      title={`Edit ${leadDisplayName(props.lead)}`}
      description="Correct what is wrong or missing. The e-mail address is who the lead is and stays as captured."
      placement="side"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="lp-lead-contact-form" variant="primary" busy={change.isPending}>
            Save details
          </Button>
        </>
      }
    >
      <form id="lp-lead-contact-form" className="lp-lead-contact-form" onSubmit={submit} noValidate>
        {formError ? <InlineError title="Nothing was saved." error={formError} /> : null}
        {contactFields.map(([field, label]) => (
          <Field key={field} label={label} hint={fieldHints[field]} error={localErrors[field] ?? fieldError(field)}>
            {(control) => (
              <Input
                {...control}
                type={inputTypes[field] ?? 'text'}
                inputMode={field === 'employees' ? 'numeric' : undefined}
                value={values[field]}
                autoComplete="off"
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
            )}
          </Field>
        ))}
        <Field label="Why (for the timeline, optional)" error={fieldError('reason')}>
          {(control) => <Input {...control} value={reason} maxLength={300} onChange={(event) => setReason(event.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
