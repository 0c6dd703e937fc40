import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { accountClassLabels, accountClassValues, type AccountClass } from '../accounts/account-classes.ts';
import { accountDetailQuery } from '../accounts/accounts-list-query.ts';
import { stageLabels } from '../ui/badge.tsx';
import { FilterBar } from '../ui/filter-bar.tsx';
import { Field } from '../ui/field.tsx';
import { Input } from '../ui/input.tsx';
import { MultiSelect } from '../ui/multi-select.tsx';
import { Select } from '../ui/select.tsx';
import { SettlingInput } from '../ui/settling-input.tsx';
import { leadSortOptions } from './leads-list-columns.ts';
import { leadOwnersQuery, leadSourcesQuery, leadTeamsQuery, ownerOptionsFor, showsTeamFilter, teamOptionsFor, type Viewer } from './leads-list-options.ts';
import { activeLeadFilterCount, gradesOf, leadGrades, leadSortOf, leadStages, stagesOf, type LeadsListSearch } from './leads-list-search.ts';
import { formatListSort } from '../ui/list-sort.ts';

export type LeadFilterName = 'stage' | 'grade' | 'owner' | 'team' | 'account' | 'source' | 'class' | 'from' | 'to' | 'q';

export interface LeadsListFiltersProps {
  search: LeadsListSearch;
  viewer: Viewer;
  /** A filter changed; `typed` for text boxes (the URL entry is replaced, not added, while typing). */
  onChange(change: Partial<LeadsListSearch>, typed?: boolean): void;
  onSortChange(sort: string): void;
  onClear(): void;
  /** What is wrong with a filter, shown under it: the API's answer or the page's own check. */
  errors: Partial<Record<LeadFilterName, string>>;
  /**
   * Load the owner, team and source choices. The page turns this on once the list itself has
   * answered: on the embedded database the API serves one query at a time, and the choices (which
   * count leads per team and campaign) must not hold up the rows the user came for.
   */
  loadChoices: boolean;
}

const stageOptions = leadStages.map((stage) => ({ value: stage, label: stageLabels[stage] }));
const classOptions = [{ value: '', label: 'All classes' }, ...accountClassValues.map((value) => ({ value, label: accountClassLabels[value] }))];
const sortOptions = leadSortOptions();

/**
 * The leads list's filters: search, stages, grades, owner, team (marketing and admins), source,
 * class and the days created. Each applies at once (text once typing pauses). On a phone the bar
 * folds behind a "Filters" button, the search and the sort menu staying in view (see FilterBar).
 */
export function LeadsListFilters(props: LeadsListFiltersProps) {
  const { search, viewer, errors } = props;
  const gradeLabelId = useId();
  const sourcesId = useId();
  const owners = useQuery({ ...leadOwnersQuery, enabled: props.loadChoices });
  const teams = useQuery({ ...leadTeamsQuery, enabled: props.loadChoices && showsTeamFilter(viewer.role) });
  const sources = useQuery({ ...leadSourcesQuery, enabled: props.loadChoices });
  // The account filter comes from an account's page ("all its leads"); it has no picker, only its name and a way out.
  const account = useQuery({ ...accountDetailQuery(search.account ?? ''), enabled: search.account !== undefined, retry: false });
  const grades = gradesOf(search);
  const activeCount = activeLeadFilterCount(search);
  const toggleGrade = (grade: (typeof leadGrades)[number]) => {
    const next = grades.includes(grade) ? grades.filter((existing) => existing !== grade) : [...grades, grade];
    props.onChange({ grade: leadGrades.filter((value) => next.includes(value)).join(',') || undefined });
  };

  return (
    <FilterBar
      label="Filter leads"
      activeCount={activeCount - (search.q ? 1 : 0)}
      onClear={activeCount > 0 ? props.onClear : undefined}
      search={
        <Field label="Search" error={errors.q}>
          {(control) => (
            <SettlingInput {...control} type="search" icon="search" placeholder="Name, e-mail or company" value={search.q ?? ''} onSettle={(text) => props.onChange({ q: text || undefined }, true)} autoComplete="off" />
          )}
        </Field>
      }
      sort={
        <Field label="Sort by">
          {(control) => <Select {...control} value={formatListSort(leadSortOf(search))} options={sortOptions} onChange={(event) => props.onSortChange(event.target.value)} />}
        </Field>
      }
    >
      <div>
        <MultiSelect label="Stage" placeholder="All stages" plural="stages" options={stageOptions} value={stagesOf(search)} onChange={(stages) => props.onChange({ stage: stages.join(',') || undefined })} />
        {errors.stage ? <p className="lp-field__error">{errors.stage}</p> : null}
      </div>
      <div className="lp-field">
        <span className="lp-field__label" id={gradeLabelId}>
          Grade
        </span>
        <div className="lp-leads-filters__grades" role="group" aria-labelledby={gradeLabelId}>
          {leadGrades.map((grade) => (
            <button key={grade} type="button" className="lp-leads-filters__grade" aria-pressed={grades.includes(grade)} aria-label={`Grade ${grade}`} onClick={() => toggleGrade(grade)}>
              {grade}
            </button>
          ))}
        </div>
        {errors.grade ? <p className="lp-field__error">{errors.grade}</p> : null}
      </div>
      <Field label="Owner" error={errors.owner ?? (owners.isError ? 'The list of people could not be loaded; the filter in force still applies.' : null)}>
        {(control) => (
          <Select {...control} value={search.owner ?? ''} options={ownerOptionsFor(viewer, owners.data ?? [], search.owner)} onChange={(event) => props.onChange({ owner: event.target.value || undefined })} />
        )}
      </Field>
      {showsTeamFilter(viewer.role) ? (
        <Field label="Team" error={errors.team ?? (teams.isError ? 'The teams could not be loaded; the filter in force still applies.' : null)}>
          {(control) => <Select {...control} value={search.team ?? ''} options={teamOptionsFor(teams.data ?? [], search.team)} onChange={(event) => props.onChange({ team: event.target.value || undefined })} />}
        </Field>
      ) : null}
      {search.account ? (
        <Field label="Account" error={errors.account}>
          {(control) => (
            <Select
              {...control}
              value={search.account ?? ''}
              options={[
                { value: search.account!, label: account.data?.account.name ?? (account.isPending ? 'Loading the account…' : 'The account in the address') },
                { value: '', label: 'Any account' },
              ]}
              onChange={(event) => props.onChange({ account: event.target.value || undefined })}
            />
          )}
        </Field>
      ) : null}
      <Field label="Source" error={errors.source}>
        {(control) => (
          <>
            <SettlingInput {...control} list={sourcesId} placeholder="Any source" value={search.source ?? ''} onSettle={(text) => props.onChange({ source: text || undefined }, true)} autoComplete="off" />
            <datalist id={sourcesId}>
              {(sources.data ?? []).map((source) => (
                <option key={source} value={source} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Class" error={errors.class}>
        {(control) => <Select {...control} value={search.class ?? ''} options={classOptions} onChange={(event) => props.onChange({ class: (event.target.value || undefined) as AccountClass | undefined })} />}
      </Field>
      <Field label="Created from" error={errors.from}>
        {(control) => <Input {...control} type="date" value={search.from ?? ''} max={search.to} onChange={(event) => props.onChange({ from: event.target.value || undefined })} />}
      </Field>
      <Field label="Created to" error={errors.to}>
        {(control) => <Input {...control} type="date" value={search.to ?? ''} min={search.from} onChange={(event) => props.onChange({ to: event.target.value || undefined })} />}
      </Field>
    </FilterBar>
  );
}
