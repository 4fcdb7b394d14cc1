// Interop check of avrr's Parquet outputs, read by DuckDB (not a unit test: it needs npm).
//
//   cd tests/interop && npm install --no-package-lock
//   node check-parquet.mjs ../../results        # the --out folder of `avrr run`
//
// For returnee_scores, aggregates, panel_change (when present) and comparisons it prints the column types DuckDB
// sees and checks them against outputs.md (VARCHAR text, DATE survey_date, INTEGER answered, BIGINT
// counts, BOOLEAN suppressed, DOUBLE scores and estimates); compares every row of the .parquet with the
// .csv (scores of returnee_scores at the CSV's 6 decimals, everything else exactly; the CSV's
// spreadsheet apostrophe undone); and recomputes the weighted composite mean per country from
// returnee_scores.parquet to compare with aggregates.parquet. Exits 1 on any difference.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';

const folder = resolve(process.argv[2] ?? 'results');
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
let problems = 0;

const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJS();
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const name = (column) => `"${column.replaceAll('"', '""')}"`;
const show = (title, list) => {
  console.log(`\n${title}`);
  console.table(list.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))));
};
const fail = (message) => { problems++; console.log(`MISMATCH: ${message}`); };

function expectedType(table, column) {
  if (table === 'returnee_scores') {
    if (column === 'survey_date') return 'DATE';
    if (column === 'answered') return 'INTEGER';
    if (column === 'weight' || column.startsWith('indicator_') || column.endsWith('_score')) return 'DOUBLE';
    return 'VARCHAR';
  }
  if (['n_rows', 'n', 'returnees', 'psus', 'df', 'n_reference'].includes(column)) return 'BIGINT';
  if (column === 'suppressed' || column === 'significant') return 'BOOLEAN';
  const statistics = ['weight_sum', 'mean', 'se', 'ci_low', 'ci_high', 'n_eff', 'median', 'p25', 'p75',
    'share_low', 'share_medium', 'share_high', 'mean_change', 'estimate'];
  return statistics.includes(column) ? 'DOUBLE' : 'VARCHAR';
}

console.log(`DuckDB ${(await rows('SELECT version() AS v'))[0].v} reading ${folder}`);

for (const table of ['returnee_scores', 'aggregates', 'panel_change', 'comparisons']) {
  const parquet = join(folder, `${table}.parquet`);
  const csv = join(folder, `${table}.csv`);
  if (!existsSync(parquet)) { console.log(`\n${table}.parquet: not written`); continue; }

  const columns = await rows(`DESCRIBE SELECT * FROM read_parquet(${quote(parquet)})`);
  const physical = await rows(`SELECT name, type, converted_type, logical_type FROM parquet_schema(${quote(parquet)}) WHERE name <> 'schema'`);
  const byName = Object.fromEntries(physical.map((p) => [p.name, p]));
  show(`${table}.parquet: ${columns.length} columns`, columns.map((c) => ({
    column: c.column_name, duckdb_type: c.column_type, expected: expectedType(table, c.column_name),
    physical: byName[c.column_name]?.type, logical: byName[c.column_name]?.logical_type ?? byName[c.column_name]?.converted_type ?? '',
  })));
  for (const c of columns) {
    if (c.column_type !== expectedType(table, c.column_name)) fail(`${table}.${c.column_name} is ${c.column_type}, expected ${expectedType(table, c.column_name)}`);
  }

  if (!existsSync(csv)) { console.log(`${table}.csv: not written, no comparison`); continue; }
  // The CSV read with the Parquet file's types; text cells lose the apostrophe that protects spreadsheets.
  const types = `{${columns.map((c) => `${quote(c.column_name)}: ${quote(c.column_type)}`).join(', ')}}`;
  const csvSelect = columns.map((c) => c.column_type === 'VARCHAR'
    ? `CASE WHEN regexp_matches(${name(c.column_name)}, '^''[=+\\-@\\t\\r]') THEN substr(${name(c.column_name)}, 2) ELSE ${name(c.column_name)} END AS ${name(c.column_name)}`
    : name(c.column_name)).join(', ');
  const isScore = (c) => table === 'returnee_scores' && c.column_type === 'DOUBLE' && c.column_name !== 'weight';
  const parquetSelect = columns.map((c) => isScore(c) ? `round(${name(c.column_name)}, 6) AS ${name(c.column_name)}` : name(c.column_name)).join(', ');
  await db.run(`CREATE OR REPLACE VIEW pq AS SELECT ${parquetSelect} FROM read_parquet(${quote(parquet)})`);
  await db.run(`CREATE OR REPLACE VIEW cs AS SELECT ${csvSelect} FROM read_csv(${quote(csv)}, header = true, delim = ',', quote = '"', escape = '"', columns = ${types})`);
  const [counts] = await rows(`SELECT (SELECT count(*) FROM pq) AS parquet_rows, (SELECT count(*) FROM cs) AS csv_rows,
    (SELECT count(*) FROM (FROM pq EXCEPT ALL FROM cs)) AS only_in_parquet, (SELECT count(*) FROM (FROM cs EXCEPT ALL FROM pq)) AS only_in_csv`);
  show(`${table}: Parquet vs CSV${table === 'returnee_scores' ? ' (scores rounded to 6 decimals)' : ' (exact doubles)'}`, [counts]);
  if (counts.parquet_rows !== counts.csv_rows || counts.only_in_parquet !== 0n || counts.only_in_csv !== 0n) {
    fail(`${table}: the Parquet and CSV rows differ`);
    show('first rows only in the Parquet file', await rows('FROM pq EXCEPT ALL FROM cs LIMIT 3'));
  }
}

const scores = join(folder, 'returnee_scores.parquet');
const aggregates = join(folder, 'aggregates.parquet');
if (existsSync(scores) && existsSync(aggregates)) {
  const summary = await rows(`SELECT count(*) AS surveys, count(DISTINCT returnee_id) AS returnees, min(survey_date)::VARCHAR AS first_date,
      max(survey_date)::VARCHAR AS last_date, typeof(any_value(survey_date)) AS date_type, typeof(any_value(answered)) AS answered_type,
      round(avg(composite_score), 4) AS unweighted_mean, count(*) FILTER (WHERE band = 'high') AS band_high
    FROM read_parquet(${quote(scores)})`);
  show('returnee_scores.parquet in DuckDB', summary);

  const byCountry = await rows(`
    WITH s AS (
      SELECT country, count(composite_score) AS n, sum(weight) FILTER (WHERE composite_score IS NOT NULL) AS w,
             sum(weight * composite_score) FILTER (WHERE composite_score IS NOT NULL) AS wx
      FROM read_parquet(${quote(scores)}) GROUP BY country)
    SELECT a.country, a.n AS n_avrr, s.n AS n_duckdb, round(a.mean, 6) AS mean_avrr, round(s.wx / s.w, 6) AS mean_duckdb,
           abs(a.mean - s.wx / s.w) AS abs_diff, abs(a.weight_sum - s.w) / s.w AS weight_sum_rel_diff, round(a.ci_low, 4) AS ci_low, round(a.ci_high, 4) AS ci_high
    FROM read_parquet(${quote(aggregates)}) a JOIN s USING (country)
    WHERE a.level = 'country' AND a.measure = 'composite' ORDER BY a.country`);
  show('composite by country: avrr aggregates.parquet vs a weighted mean computed by DuckDB from returnee_scores.parquet', byCountry);
  // Relative for the weight sum: DuckDB adds in its own (parallel) order, so a sum of a million weights
  // differs in its last bits (1e-9 absolute on 1M rows, 1e-14 relative).
  for (const r of byCountry) {
    if (r.n_avrr !== r.n_duckdb || r.abs_diff > 1e-12 || r.weight_sum_rel_diff > 1e-12) fail(`composite mean of ${r.country}`);
  }
}

const panel = join(folder, 'panel_change.parquet');
if (existsSync(panel)) {
  show('panel_change.parquet: the whole sample', await rows(`SELECT measure, returnees, round(mean_change, 4) AS mean_change, round(ci_low, 4) AS ci_low,
      round(ci_high, 4) AS ci_high, suppressed FROM read_parquet(${quote(panel)}) WHERE level = 'all'`));
}

console.log(problems === 0 ? '\nOK: DuckDB reads every Parquet file with the types of outputs.md, and they equal the CSV files.' : `\n${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
