import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useBlocker, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Field } from '../ui/field.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useToast } from '../ui/toast.tsx';
import { commonRuleGroups, type CommonRuleGroup } from './pact-common-rules.ts';
import { storedPactDocument, type PactVersion } from './pact-document.ts';
import { issuePathLabel, type PactIssue } from './pact-issues.ts';
import { pactKey } from './pact-queries.ts';
import { PactRulesForm } from './pact-rules-form.tsx';
import { convertPactText, locateIssuePath, readPactText, withValueAt, writePactText, type PactPath, type PactTextFormat } from './pact-text.ts';
import { PactChangeList } from './pact-version-parts.tsx';
import './pact.css';

const route = getRouteApi('/signed-in/pact/draft');
/** Long enough to not ask the server on every key, short enough to feel live. */
const validateAfterMs = 400;

/** The version a draft starts from: `?from=N`, else the one in force. Read once: a refetch never resets the editor. */
function draftBaseQuery(from: number | undefined) {
  return queryOptions({
    queryKey: [...pactKey, 'draft-base', from ?? 'active'] as const,
    queryFn: async ({ signal }): Promise<PactVersion> =>
      from === undefined ? (await dataOf(api.GET('/api/pact', { signal }))).version : dataOf(api.GET('/api/pact-versions/{version}', { params: { path: { version: from } }, signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function validationQuery(text: string) {
  return queryOptions({
    queryKey: [...pactKey, 'validate', text] as const,
    queryFn: ({ signal }) => dataOf(api.POST('/api/pact-versions/validate', { body: { document: text }, signal })),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Start a draft: from the version in force, or any other with `?from=N`. */
export function PactDraftPage() {
  const search = route.useSearch();
  const base = useQuery(draftBaseQuery(search.from));
  if (base.isError) {
    return (
      <>
        <PageHeader title="New pact draft" />
        <InlineError
          title={search.from ? `Version ${search.from} could not be loaded to start from.` : 'The pact in force could not be loaded to start from.'}
          error={base.error}
          action={<Link to="/pact">Back to the pact</Link>}
        />
      </>
    );
  }
  if (base.isPending) {
    return (
      <>
        <PageHeader title="New pact draft" />
        <div className="lp-pact-loading" role="status">
          <span className="lp-visually-hidden">Loading the pact to start from…</span>
          <div className="lp-pact-skeleton" aria-hidden="true" />
        </div>
      </>
    );
  }
  return <DraftEditor key={base.data.id} base={base.data} />;
}

function DraftEditor(props: { base: PactVersion }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const initialText = useMemo(() => writePactText(storedPactDocument(props.base) ?? {}, 'yaml'), [props.base]);
  const [format, setFormat] = useState<PactTextFormat>('yaml');
  const [text, setText] = useState(initialText);
  const [note, setNote] = useState('');
  const [formatError, setFormatError] = useState<string | null>(null);
  const [proposed, setProposed] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  const reading = useMemo(() => readPactText(text, format), [text, format]);
  // While the text cannot be read the form keeps the last fields it had, greyed out, rather than vanishing.
  const lastGroups = useRef<CommonRuleGroup[]>([]);
  const groups = useMemo(() => (reading.ok ? commonRuleGroups(reading.value) : lastGroups.current), [reading]);
  lastGroups.current = groups;

  const settledText = useDebouncedValue(text, validateAfterMs);
  const validation = useQuery(validationQuery(settledText));
  const result = validation.data;
  const isCurrent = result !== undefined && !validation.isPlaceholderData && settledText === text;
  const checking = !isCurrent && !validation.isError;
  const issues: readonly PactIssue[] = result?.issues ?? [];
  const warnings: readonly PactIssue[] = result?.warnings ?? [];

  const propose = useMutation({
    mutationFn: () => dataOf(api.POST('/api/pact-versions', { body: { document: text, ...(note.trim() ? { note: note.trim() } : {}) } })),
    onSuccess: async (created) => {
      setProposed(true);
      await queryClient.invalidateQueries({ queryKey: pactKey });
      toast.show(`Version ${created.version} is proposed. It needs one marketing and one sales approval.`, 'success');
      await navigate({ to: '/pact/versions/$version', params: { version: String(created.version) } });
    },
  });

  useBlocker({
    shouldBlockFn: () => !window.confirm('Leave this draft? It has not been proposed, and your changes will be lost.'),
    enableBeforeUnload: () => text !== initialText && !proposed,
    disabled: text === initialText || proposed,
  });

  const changeField = (path: PactPath, value: unknown) => {
    const next = withValueAt(text, format, path, value);
    if (next !== null) setText(next);
  };

  const switchFormat = (next: PactTextFormat) => {
    if (next === format) return;
    const converted = convertPactText(text, format, next);
    if (converted === null) {
      setFormatError(`Fix the ${format.toUpperCase()} first: only a document that reads can be shown as ${next.toUpperCase()}.`);
      return;
    }
    setFormatError(null);
    setFormat(next);
    setText(converted);
  };

  const goToIssue = (issue: PactIssue) => {
    const textarea = editor.current;
    if (!textarea) return;
    const location = locateIssuePath(text, issue.path) ?? lineFromMessage(text, issue.message);
    textarea.focus();
    if (!location) return;
    textarea.setSelectionRange(location.offset, location.offset);
    const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (location.line - 3) * lineHeight);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    propose.mutate();
  };

  const changes = isCurrent && result.valid ? (result.diff?.changes ?? []) : null;
  const nothingChanged = changes !== null && changes.length === 0;
  const knownInvalid = isCurrent && !result.valid;
  const proposeRefusal = propose.error;
  const statusId = `${ids}-status`;

  return (
    <div className="lp-pact">
      <PageHeader
        title="New pact draft"
        description={`Starting from version ${props.base.version}${props.base.status === 'active' ? ' (in force)' : ''}. Change the common rules in the form or anything in the document; every change is checked as you type.`}
        actions={<Link to="/pact">Back to the pact</Link>}
      />
      <div className="lp-pact-draft">
        <div className="lp-pact-draft__main">
          <Card title="Common rules">
            {!reading.ok ? (
              <p className="lp-pact-callout lp-pact-callout--inline" role="note">
                <Icon name="alert" size={16} />
                <span>The form follows the document below. Fix the document’s syntax to use it again.</span>
              </p>
            ) : null}
            {groups.length === 0 ? <p className="lp-pact-muted">The document has none of the common rules yet; edit it below.</p> : null}
            <PactRulesForm groups={groups} issues={issues} disabled={!reading.ok} onChange={changeField} />
          </Card>

          <Card
            title="Whole document"
            actions={
              <div className="lp-pact-format" role="group" aria-label="Document format">
                {(['yaml', 'json'] as const).map((option) => (
                  <button key={option} type="button" className="lp-pact-format__option" aria-pressed={format === option} onClick={() => switchFormat(option)}>
                    {option.toUpperCase()}
                  </button>
                ))}
              </div>
            }
          >
            {formatError ? <p className="lp-field__error lp-pact-format__error">{formatError}</p> : null}
            <label className="lp-field__label" htmlFor={`${ids}-document`}>
              Pact document ({format.toUpperCase()})
            </label>
            <textarea
              id={`${ids}-document`}
              ref={editor}
              className="lp-pact-editor"
              value={text}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              aria-describedby={statusId}
              aria-invalid={knownInvalid || undefined}
              onChange={(event) => setText(event.target.value)}
            />
            <div id={statusId} className="lp-pact-check" aria-live="polite">
              {validation.isError ? (
                <InlineError title="The draft could not be checked." error={validation.error} action={<Button size="sm" onClick={() => void validation.refetch()}>Check again</Button>} />
              ) : checking ? (
                <p className="lp-pact-check__status lp-pact-muted">Checking…</p>
              ) : issues.length === 0 ? (
                <p className="lp-pact-check__status lp-pact-check__status--ok">
                  <Icon name="check" size={16} /> No problems found.
                </p>
              ) : (
                <p className="lp-pact-check__status lp-pact-check__status--problems">
                  <Icon name="alert" size={16} /> {issues.length} {issues.length === 1 ? 'problem' : 'problems'}: the draft cannot be proposed until {issues.length === 1 ? 'it is' : 'they are'} fixed.
                </p>
              )}
            </div>
            {issues.length > 0 ? <IssueList issues={issues} label="Problems in the draft" onGoTo={goToIssue} text={text} /> : null}
            {warnings.length > 0 ? (
              <>
                <p className="lp-pact-check__warnings-title">Warnings (the draft can still be proposed):</p>
                <IssueList issues={warnings} label="Warnings about the draft" onGoTo={goToIssue} text={text} tone="warning" />
              </>
            ) : null}
          </Card>
        </div>

        <aside className="lp-pact-draft__aside" aria-label="Review and propose">
          <Card title={`Changes from version ${result?.diff?.against ?? props.base.version}`}>
            {changes === null ? (
              <p className="lp-pact-muted">{knownInvalid ? 'Fix the problems to see what the draft changes.' : 'Checking the draft…'}</p>
            ) : (
              <PactChangeList changes={changes} emptyText="Nothing changed yet: the draft says the same as the version in force." />
            )}
            <form className="lp-pact-propose" onSubmit={submit} noValidate>
              <Field label="Note for the approvers (optional)" hint="Why this change, in a sentence." error={isApiError(proposeRefusal) ? (proposeRefusal.issueAt('note') ?? null) : null}>
                {(control) => <Input {...control} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />}
              </Field>
              <Button type="submit" variant="primary" busy={propose.isPending} disabled={knownInvalid || nothingChanged} aria-describedby={`${ids}-propose-hint`}>
                Propose version
              </Button>
              <p id={`${ids}-propose-hint`} className="lp-field__hint">
                {knownInvalid
                  ? 'Fix the problems in the document first.'
                  : nothingChanged
                    ? 'Change something first.'
                    : 'Stored as a draft; one marketing user and one sales manager then approve it, and an admin puts it in force.'}
              </p>
              {proposeRefusal ? <InlineError title="The draft was not proposed." error={proposeRefusal} /> : null}
            </form>
          </Card>
        </aside>
      </div>
    </div>
  );
}

/** The problems (or warnings) with their paths; each takes you to its place in the document. */
function IssueList(props: { issues: readonly PactIssue[]; label: string; text: string; tone?: 'warning'; onGoTo: (issue: PactIssue) => void }) {
  return (
    <ul className={['lp-pact-issues', props.tone === 'warning' ? 'lp-pact-issues--warning' : ''].filter(Boolean).join(' ')} aria-label={props.label}>
      {props.issues.map((issue, index) => {
        const line = locateIssuePath(props.text, issue.path)?.line ?? lineFromMessage(props.text, issue.message)?.line;
        return (
          <li key={`${issue.path}-${index}`} className="lp-pact-issue">
            <button type="button" className="lp-pact-issue__path" onClick={() => props.onGoTo(issue)} title="Go to this place in the document">
              <code>{issuePathLabel(issue.path)}</code>
              {line ? <span className="lp-pact-issue__line">line {line}</span> : null}
            </button>
            <span className="lp-pact-issue__message">{issue.message}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Syntax errors name their line in the message ("… at line 12, column 3: …"); the path is just "(document)". */
function lineFromMessage(text: string, message: string): { line: number; offset: number } | null {
  const match = /at line (\d+), column (\d+)/.exec(message);
  if (!match) return null;
  const line = Number(match[1]);
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return null;
  const offset = lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0) + Math.max(0, Number(match[2]) - 1);
  return { line, offset: Math.min(offset, text.length) };
}
