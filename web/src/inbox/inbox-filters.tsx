import type { RefObject } from 'react';
import type { Grade } from '../ui/badge.tsx';
import { Field } from '../ui/field.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import { inboxViews, type InboxSearch, type InboxView } from './inbox-search.ts';

const gradeOptions: readonly Grade[] = ['A', 'B', 'C', 'D'];
const viewOptions = Object.entries(inboxViews).map(([value, view]) => ({ value, label: view.label }));

export interface InboxFiltersProps {
  /** The search box's text as typed (the page applies it once typing pauses). */
  text: string;
  onTextChange(text: string): void;
  searchInput: RefObject<HTMLInputElement | null>;
  view: InboxView;
  source: string | undefined;
  /** The sources among the loaded leads, sorted. */
  sources: readonly string[];
  grade: Grade | undefined;
  /** Leads per grade among the loaded leads (after the source filter). */
  gradeCounts: ReadonlyMap<Grade, number>;
  onChange(change: Partial<InboxSearch>): void;
}

/** The inbox's filter bar: search, view, source, and grade as a segmented control with counts. */
export function InboxFilters(props: InboxFiltersProps) {
  // A source picked in the URL stays selectable even when none of the loaded leads has it.
  const sourceChoices = props.source && !props.sources.includes(props.source) ? [props.source, ...props.sources] : props.sources;
  return (
    <div className="lp-inbox__toolbar" role="search">
      <Field label="Search" className="lp-inbox__search">
        {(control) => (
          <Input
            {...control}
            ref={props.searchInput}
            type="search"
            icon="search"
            placeholder="Name, e-mail or company"
            value={props.text}
            onChange={(event) => props.onTextChange(event.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field label="Show">
        {(control) => (
          <Select {...control} value={props.view} options={viewOptions} onChange={(event) => props.onChange({ view: event.target.value === 'to-work' ? undefined : (event.target.value as InboxView) })} />
        )}
      </Field>
      <Field label="Source">
        {(control) => (
          <Select
            {...control}
            value={props.source ?? ''}
            options={[{ value: '', label: 'All sources' }, ...sourceChoices.map((source) => ({ value: source, label: source }))]}
            onChange={(event) => props.onChange({ source: event.target.value || undefined })}
          />
        )}
      </Field>
      <div className="lp-inbox__grades" role="group" aria-label="Grade">
        <span className="lp-inbox__grades-label" aria-hidden="true">
          Grade
        </span>
        <div className="lp-segmented">
          <button type="button" className="lp-segmented__item" aria-pressed={!props.grade} onClick={() => props.onChange({ grade: undefined })}>
            All
          </button>
          {gradeOptions.map((grade) => (
            <button key={grade} type="button" className="lp-segmented__item" aria-pressed={props.grade === grade} onClick={() => props.onChange({ grade: props.grade === grade ? undefined : grade })}>
              <span className="lp-visually-hidden">Grade </span>
              {`${grade} `}
              <span className="lp-segmented__count">
                {props.gradeCounts.get(grade) ?? 0}
                <span className="lp-visually-hidden"> leads</span>
              </span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
