// Runs SQL through DuckDB and prints {"rows": [...], "millis": [...], "cpuMillis": [...]} as JSON on
// stdout. The SQL comes on stdin and may hold several statements; the rows are those of the last one,
// millis the wall time of each statement and cpuMillis the CPU time (user + system, all threads) of this
// process during it. Values use DuckDB's JSON forms (BIGINT and
// TIMESTAMP as strings, LIST as arrays).
import { DuckDBInstance } from '@duckdb/node-api';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const sql = Buffer.concat(chunks).toString('utf8');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  const statements = await connection.extractStatements(sql);
  const millis = [];
  const cpuMillis = [];
  let rows = [];
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const reader = await prepared.runAndReadAll();
    millis.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuMillis.push((used.user + used.system) / 1000);
    rows = reader.getRowObjectsJson();
  }
  process.stdout.write(JSON.stringify({ rows, millis, cpuMillis }));
} catch (error) {
  process.stderr.write(String(error?.message ?? error));
  process.exitCode = 1;
} finally {
  connection.closeSync();
}
