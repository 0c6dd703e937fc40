import { useState } from 'react';
import { Field } from '../ui/field.tsx';
import { Icon } from '../ui/icon.tsx';
import { Input } from '../ui/input.tsx';
import { fieldInputText, fieldInputValue, type CommonRuleField, type CommonRuleGroup } from './pact-common-rules.ts';
import { issueSentence, issuesAt, issuesExactlyAt, type PactIssue } from './pact-issues.ts';
import type { PactPath } from './pact-text.ts';

/**
 * One number of the pact. While the field has focus it shows what is typed ("7." on the way to
 * "7.5"); otherwise the document's value, so an edit in the raw editor shows up here.
 */
function RuleNumberField(props: { field: CommonRuleField; issues: readonly PactIssue[]; disabled: boolean; onChange: (path: PactPath, value: unknown) => void }) {
  const { field } = props;
  const [typing, setTyping] = useState<string | null>(null);
  const error = issuesAt(props.issues, field.key)[0];
  return (
    <Field label={field.label} hint={field.unit} error={error ? issueSentence(error.message) : null} className="lp-pact-rule-field">
      {(control) => (
        <Input
          {...control}
          inputMode="decimal"
          autoComplete="off"
          disabled={props.disabled}
          data-path={field.key}
          value={typing ?? fieldInputText(field.value)}
          onFocus={() => setTyping(fieldInputText(field.value))}
          onBlur={() => setTyping(null)}
          onChange={(event) => {
            setTyping(event.target.value);
            props.onChange(field.path, fieldInputValue(event.target.value));
          }}
        />
      )}
    </Field>
  );
}

/**
 * The common rules as a form: each group a fieldset that opens by itself when the server finds a
 * problem inside it. Every change is written into the raw document, which stays the one source.
 */
export function PactRulesForm(props: { groups: readonly CommonRuleGroup[]; issues: readonly PactIssue[]; disabled: boolean; onChange: (path: PactPath, value: unknown) => void }) {
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(() => new Set(['grades', 'mql']));
  return (
    <div className="lp-pact-rules">
      {props.groups.map((group) => {
        const groupIssues = issuesAt(props.issues, group.key);
        const ownIssues = issuesExactlyAt(props.issues, group.key);
        const open = openGroups.has(group.id) || groupIssues.length > 0;
        return (
          <details
            key={group.id}
            className="lp-pact-rules__group"
            open={open}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              setOpenGroups((current) => {
                const next = new Set(current);
                if (isOpen) next.add(group.id);
                else next.delete(group.id);
                return next;
              });
            }}
          >
            <summary className="lp-pact-rules__summary">
              <span className="lp-pact-rules__title">
                <Icon name="chevronDown" size={16} className="lp-pact-rules__chevron" />
                {group.title}
              </span>
              <span className="lp-pact-rules__count">
                {group.fields.length} {group.fields.length === 1 ? 'field' : 'fields'}
                {groupIssues.length > 0 ? `, ${groupIssues.length} ${groupIssues.length === 1 ? 'problem' : 'problems'}` : ''}
              </span>
            </summary>
            <fieldset className="lp-pact-rules__fieldset" disabled={props.disabled}>
              <legend className="lp-visually-hidden">{group.title}</legend>
              <p className="lp-pact-rules__description">{group.description}</p>
              {ownIssues.map((issue) => (
                <p key={issue.message} className="lp-field__error lp-pact-rules__group-error">
                  {issueSentence(issue.message)}
                </p>
              ))}
              <div className={`lp-pact-rules__fields lp-pact-rules__fields--${group.id}`}>
                {group.fields.map((field) => (
                  <RuleNumberField key={field.key} field={field} issues={props.issues} disabled={props.disabled} onChange={props.onChange} />
                ))}
              </div>
            </fieldset>
          </details>
        );
      })}
    </div>
  );
}
