import { useId, useMemo, useState } from 'react';
import { Badge } from '../ui/badge.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Icon } from '../ui/icon.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { columnViews, showsColumn, type ColumnRow, type ColumnView } from './column-filter.ts';
import { choiceFromValue, choiceLabel, choiceValue, leadFieldLabels, leadFields, type ColumnChoice } from './mapping-targets.ts';

export interface MappingTableColumn extends ColumnRow {
  /** Position in the file (the key: headers may repeat). */
  index: number;
  /** The attribute name the column keeps when kept as an attribute. */
  attributeName: string;
  /** The server's note (a fallback column: "used when Phone is empty"). */
  note: string | undefined;
  /** A header repeating an earlier one: the server keeps it as an attribute whatever the mapping says. */
  repeated: boolean;
}

function ChoiceSelect(props: { column: MappingTableColumn; offerTouchType: boolean; onChoose: (choice: ColumnChoice) => void }) {
  const { column } = props;
  const id = useId();
  const value = choiceValue(column.choice);
  return (
    <>
      <label htmlFor={id} className="lp-visually-hidden">
        Import column {column.column} as
      </label>
      <span className="lp-select-wrap">
        <select
          id={id}
          className="lp-select"
          value={value}
          disabled={column.repeated}
          onChange={(event) => {
            const choice = choiceFromValue(event.target.value, column.attributeName);
            if (choice) props.onChoose(choice);
          }}
        >
          <optgroup label="Keep or leave out">
            <option value="attribute">Keep as attribute “{column.attributeName}”</option>
            <option value="ignore">Don’t import</option>
          </optgroup>
          <optgroup label="Lead field">
            {leadFields.map((field) => (
              <option key={field} value={`field:${field}`}>
                {leadFieldLabels[field]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Touch">
            <option value="touch-time">Touch time (when it happened)</option>
            {props.offerTouchType || column.choice.kind === 'touchType' ? <option value="touch-type">Touch type</option> : null}
          </optgroup>
        </select>
        <Icon name="chevronDown" size={16} />
      </span>
    </>
  );
}

/**
 * Every column of the file with a few of its values and where it goes, each changeable with a
 * native select (keyboard and screen readers for free). A search box and a view narrow a wide export.
 */
export function ColumnMappingTable(props: { columns: readonly MappingTableColumn[]; offerTouchType: boolean; onChoose: (column: MappingTableColumn, choice: ColumnChoice) => void }) {
  const [view, setView] = useState<ColumnView>('all');
  const [text, setText] = useState('');
  const searchId = useId();
  const viewId = useId();
  const shown = useMemo(() => props.columns.filter((column) => showsColumn(column, view, text, choiceLabel(column.choice))), [props.columns, view, text]);

  return (
    <div className="lp-mapping">
      <div className="lp-mapping__toolbar">
        <div className="lp-mapping__search">
          <label htmlFor={searchId} className="lp-field__label">
            Find a column
          </label>
          <Input id={searchId} type="search" icon="search" placeholder="Header, field or value" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="lp-mapping__view">
          <label htmlFor={viewId} className="lp-field__label">
            Show
          </label>
          <Select id={viewId} value={view} onChange={(event) => setView(event.target.value as ColumnView)} options={columnViews} />
        </div>
        <p className="lp-mapping__count" aria-live="polite">
          {shown.length === props.columns.length ? `${props.columns.length} columns` : `${shown.length} of ${props.columns.length} columns`}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState icon="search" title="No column matches">
          Try another word, or show all columns.
        </EmptyState>
      ) : (
        <Table caption="Where each column of the file goes" className="lp-mapping__table">
          <thead>
            <tr>
              <HeaderCell>Column in the file</HeaderCell>
              <HeaderCell>Sample values</HeaderCell>
              <HeaderCell>Import as</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {shown.map((column) => (
              <Row key={column.index} className={column.changed ? 'lp-mapping__row--changed' : undefined} data-column={column.column}>
                <Cell label="Column" className="lp-mapping__column">
                  <span className="lp-mapping__header">{column.column || `(column ${column.index + 1}, no header)`}</span>
                  {column.changed ? <Badge tone="brand">Changed</Badge> : null}
                </Cell>
                <Cell label="Samples" className="lp-mapping__samples">
                  {column.samples.length > 0 ? (
                    <span className="lp-mapping__values">
                      {column.samples.map((sample) => (
                        <span key={sample} className="lp-mapping__value" title={sample}>
                          {sample}
                        </span>
                      ))}
                    </span>
                  ) : (
                    <span className="lp-mapping__empty">empty in the first rows</span>
                  )}
                </Cell>
                <Cell label="Import as" className="lp-mapping__target">
                  <ChoiceSelect column={column} offerTouchType={props.offerTouchType} onChoose={(choice) => props.onChoose(column, choice)} />
                  {column.repeated ? (
                    <span className="lp-mapping__note">Same header as an earlier column: kept as an attribute of its own.</span>
                  ) : column.note ? (
                    <span className="lp-mapping__note">{asNote(column.note)}</span>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function asNote(note: string): string {
  return note.charAt(0).toUpperCase() + note.slice(1);
}
