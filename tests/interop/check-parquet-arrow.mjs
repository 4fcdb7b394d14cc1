// Reads the Parquet outputs of `avrr run` with Apache Arrow's Rust reader (arrow-rs, through
// parquet-wasm): the Arrow types pandas/pyarrow and Spark see, and the values against the CSV twin.
//   cd tests/interop && npm install --no-package-lock && node check-parquet-arrow.mjs ../../results
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as parquet from 'parquet-wasm/node';
import { tableFromIPC } from 'apache-arrow';

const folder = process.argv[2] ?? '../../results';
const expected = {
  returnee_scores: { survey_date: 'Date32<DAY>', answered: 'Int32', weight: 'Float64', composite_score: 'Float64', returnee_id: 'Utf8' },
  aggregates: { n_rows: 'Int64', n: 'Int64', mean: 'Float64', suppressed: 'Bool', level: 'Utf8' },
  panel_change: { returnees: 'Int64', mean_change: 'Float64', suppressed: 'Bool' },
  comparisons: { estimate: 'Float64', df: 'Int64', significant: 'Bool', suppressed: 'Bool', comparison: 'Utf8' },
};

// The CSV twin, parsed by RFC 4180 rules (quotes, doubled quotes, separators and line breaks inside quotes).
function readCsv(path) {
  const text = readFileSync(path, 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  return rows;
}

let failures = 0;
for (const [name, types] of Object.entries(expected)) {
  let bytes;
  try { bytes = readFileSync(join(folder, `${name}.parquet`)); } catch { console.log(`${name}.parquet: not written`); continue; }
  const table = tableFromIPC(parquet.readParquet(new Uint8Array(bytes)).intoIPCStream());
  const csv = readCsv(join(folder, `${name}.csv`));
  const header = csv[0];
  console.log(`${name}: ${table.numRows} rows (CSV ${csv.length - 1})`);
  if (table.numRows !== csv.length - 1) { console.log('  row counts differ'); failures++; }
  for (const [column, type] of Object.entries(types)) {
    const field = table.schema.fields.find(f => f.name === column);
    const actual = field ? String(field.type) : 'missing';
    if (actual !== type) { console.log(`  ${column}: ${actual}, expected ${type}`); failures++; }
  }
  // Every cell: null where the CSV is empty; numbers equal (scores to the CSV's 6 decimals); texts equal
  // after the CSV's spreadsheet escape (a leading apostrophe on formula-looking text).
  let differences = 0;
  for (let r = 0; r < table.numRows; r++) {
    const row = table.get(r).toJSON();
    header.forEach((column, c) => {
      const text = csv[r + 1][c];
      const value = row[column];
      let same;
      if (value === null || value === undefined) same = text === '';
      else if (typeof value === 'number' || typeof value === 'bigint') {
        if (column === 'survey_date') same = new Date(Number(value)).toISOString().slice(0, 10) === text;
        else same = Math.abs(Number(value) - Number(text)) <= (name === 'returnee_scores' ? 5e-7 : 0);
      } else if (typeof value === 'boolean') same = String(value) === text;
      else same = value === text || `'${value}` === text;
      if (!same && differences++ < 5) console.log(`  row ${r + 2} ${column}: Parquet ${value}, CSV ${text}`);
    });
  }
  console.log(`  cells that differ from the CSV: ${differences}`);
  failures += differences;
}
console.log(failures === 0 ? 'ok: Arrow reads every file with the expected types and the values of the CSV' : `${failures} problems`);
process.exit(failures === 0 ? 0 : 1);
