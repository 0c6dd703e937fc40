import { parseColumnMapping, type ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Reads the JSON text of a mapping file. Issues name the path inside the mapping under
 * `pathPrefix` (`mapping.columns.Lead Source: unknown target "sourse"; …`); text that is not JSON
 * is reported at `pathPrefix` itself. Throws AppError (VALIDATION_FAILED); never returns a partial mapping.
 */
export function parseMappingText(text: string, pathPrefix = 'mapping'): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    throw AppError.validation([{ path: pathPrefix, message: `not valid JSON: ${reason}` }]);
  }
  const parsed = parseColumnMapping(json);
  if (parsed.ok) return parsed.mapping;
  throw AppError.validation(parsed.issues.map((issue) => ({ path: issue.path === '(root)' ? pathPrefix : `${pathPrefix}.${issue.path}`, message: issue.message })));
}
