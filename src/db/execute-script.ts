import { sql, type Kysely } from 'kysely';

/**
 * Runs a hand-written SQL script one statement at a time. PGlite's extended-protocol `query`
 * accepts a single statement, so migrations are split here rather than sent whole. Statements are
 * separated by a `;` at the end of a line; scripts must not put one inside a string. A dollar-quoted
 * body (`$$ … $$` or `$tag$ … $tag$`, as in a plpgsql function) is kept whole, whatever it contains.
 */
export async function executeScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitSqlScript(script)) {
    await sql.raw(statement).execute(db);
  }
}

const dollarQuote = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/g;

/**
 * The statements of a script, in order: split at each line that ends with `;` outside a
 * dollar-quoted body, comment lines (`-- …`) dropped, blank statements left out. The `;` is not
 * part of the statement.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let openTag: string | null = null;
  const finish = () => {
    const statement = current
      .join('\n')
      .replace(/^\s*--.*$/gm, '')
      .trim();
    if (statement.length > 0) statements.push(statement);
    current = [];
  };
  for (const line of script.split('\n')) {
    for (const match of line.matchAll(dollarQuote)) {
      const tag = match[0];
      if (openTag === null) openTag = tag;
      else if (tag === openTag) openTag = null;
    }
    if (openTag === null && /;\s*$/.test(line)) {
      current.push(line.replace(/;\s*$/, ''));
      finish();
    } else {
      current.push(line);
    }
  }
  finish();
  return statements;
}
