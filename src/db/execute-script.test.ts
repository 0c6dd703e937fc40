import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { executeScript, splitSqlScript } from './execute-script.ts';

describe('splitSqlScript', () => {
  it('splits at a ; that ends a line, drops comment lines and blank statements', () => {
    const script = `
      -- the first table
      create table a (id int);

      create table b (
        id int -- trailing comments stay in the statement
      );
      ;
      insert into a values (1); insert into a values (2);
    `;
    expect(splitSqlScript(script)).toEqual([
      'create table a (id int)',
      'create table b (\n        id int -- trailing comments stay in the statement\n      )',
      'insert into a values (1); insert into a values (2)',
    ]);
  });

  it('keeps a dollar-quoted body whole, with its own ; line ends, for $$ and $tag$ quotes', () => {
    const script = `
      create function f() returns int language plpgsql as $$
      declare x int;
      begin
        x := 1;
        return x;
      end;
      $$;
      create function g() returns text language sql as $body$
        select 'a $$ inside';
      $body$;
      select 1;
    `;
    const statements = splitSqlScript(script);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^create function f\(\)[\s\S]*x := 1;[\s\S]*end;\n\s*\$\$$/);
    expect(statements[1]).toMatch(/^create function g\(\)[\s\S]*select 'a \$\$ inside';\n\s*\$body\$$/);
    expect(statements[2]).toBe('select 1');
  });

  it('treats a script without dollar quotes exactly as the line-end split always did', () => {
    const script = 'create table t (x int);\n-- note;\ninsert into t values (1);;\n\n  select 2  ;  \nselect 3';
    const legacy = script
      .split(/;\s*$/m)
      .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
      .filter((statement) => statement.length > 0);
    expect(splitSqlScript(script)).toEqual(legacy);
  });
});

describeEachDatabase('executeScript', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.destroy());

  it('creates a plpgsql function whose body has statements, then the statements after it', async () => {
    await executeScript(
      database.db as unknown as Kysely<unknown>,
      `
      create or replace function script_test_double(value integer) returns integer
      language plpgsql as $$
      declare doubled integer;
      begin
        doubled := value * 2;
        return doubled;
      end;
      $$;
      create table script_test (x integer);
      insert into script_test values (script_test_double(21));
      `,
    );
    const rows = await sql<{ x: number }>`select x from script_test`.execute(database.db);
    expect(rows.rows).toEqual([{ x: 42 }]);
  });
});
