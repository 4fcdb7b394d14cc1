// Writes Data/plain.parquet with DuckDB (an engine independent of Parquet.Net), from parquet-rows.sql
// (written by make_same_surveys.py): text columns for codes, INTEGER for econ_satisfaction and
// income_sources, DOUBLE weight, DATE survey_date, NULL for empty cells.
//   npm install @duckdb/node-api@1.5.6-r.1   (in a scratch folder; NODE_PATH pointing at its node_modules)
//   node make_parquet.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(process.env.DUCKDB_FROM ?? import.meta.url);
const { DuckDBInstance } = require('@duckdb/node-api');
const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, '..', 'Data');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const statement of readFileSync(join(here, 'parquet-rows.sql'), 'utf8').split(';\n').filter(s => s.trim()))
  await connection.run(statement);
await connection.run(`COPY (SELECT * FROM surveys) TO '${join(data, 'plain.parquet')}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
// DuckDB rounds a small ROW_GROUP_SIZE up to its vector size, so the file has one row group; the tests write
// a file of several row groups with Parquet.Net themselves.
for (const file of ['plain.parquet']) {
  const reader = await connection.runAndReadAll(
    `SELECT count(DISTINCT row_group_id) AS groups, max(row_group_num_rows) AS largest FROM parquet_metadata('${join(data, file)}')`);
  console.log(file, JSON.stringify(reader.getRowObjects(), (k, v) => typeof v === 'bigint' ? Number(v) : v));
  const schema = await connection.runAndReadAll(`SELECT name, type, logical_type FROM parquet_schema('${join(data, file)}') LIMIT 10`);
  if (file === 'plain.parquet') console.log(JSON.stringify(schema.getRowObjects(), (k, v) => typeof v === 'bigint' ? Number(v) : v));
}
