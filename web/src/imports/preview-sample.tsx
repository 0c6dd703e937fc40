import { Badge } from '../ui/badge.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { asSentence } from './describe-import.ts';
import type { ImportPreview } from './import-api.ts';
import { leadFieldLabels, leadFields } from './mapping-targets.ts';

type SampleRow = ImportPreview['sample'][number];

// The source system is the same on every row of a known format; it would only crowd each line.
const shownFields = leadFields.filter((field) => field !== 'externalSource');

function capturedSummary(input: Record<string, unknown>): string {
  const parts = shownFields.flatMap((field) => {
    const value = input[field];
    // The import reads money in currency units and captures it in minor units (cents).
    if (field === 'annualRevenue' && typeof value === 'number') return [`${leadFieldLabels[field]}: ${(value / 100).toLocaleString()}`];
    return typeof value === 'string' || typeof value === 'number' ? [`${leadFieldLabels[field]}: ${value}`] : [];
  });
  const attributes = input.attributes;
  const attributeCount = attributes && typeof attributes === 'object' ? Object.keys(attributes).length : 0;
  if (attributeCount > 0) parts.push(`${attributeCount} ${attributeCount === 1 ? 'attribute' : 'attributes'}`);
  return parts.join(' · ') || 'No values';
}

/**
 * The file's first rows as this mapping reads them: the values that would be captured, or why a row
 * cannot even be read (a number that is not one, a ragged row). E-mail and phone checks, junk and
 * duplicates are decided when the import runs (they depend on the pact and on the leads already
 * here), so a row read here may still be rejected or merged then.
 */
export function PreviewSample(props: { sample: readonly SampleRow[] }) {
  if (props.sample.length === 0) return <p className="lp-import__muted">The file has no data rows after its header.</p>;
  return (
    <Table caption="The first rows as they would be read" className="lp-import__sample-table">
      <thead>
        <tr>
          <HeaderCell align="end">Line</HeaderCell>
          <HeaderCell>Result</HeaderCell>
          <HeaderCell>Details</HeaderCell>
        </tr>
      </thead>
      <tbody>
        {props.sample.map((row) => (
          <Row key={row.line}>
            <Cell label="Line" align="end">
              {row.line}
            </Cell>
            <Cell label="Result">{row.ok ? <Badge tone="info">Read</Badge> : <Badge tone="danger">Would be rejected</Badge>}</Cell>
            <Cell label="Details" className="lp-import__sample-details">
              {row.ok ? (
                capturedSummary(row.input)
              ) : (
                <ul className="lp-import__issues">
                  {row.issues.map((issue) => (
                    <li key={`${issue.field}:${issue.message}`}>
                      <strong>{issue.field}</strong>: {asSentence(issue.message)}
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
