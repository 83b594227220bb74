// A database migration runner: reads the applied versions, runs the missing
// migrations in order inside transactions, and can roll back.
'use strict';

async function appliedVersions(db) {
  await db.query('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT)');
  const rows = await db.query('SELECT version FROM migrations ORDER BY version');
  const versions = new Set();
  for (let i = 0; i < rows.length; i++) versions.add(rows[i].version);
  return versions;
}

async function inTransaction(db, work) {
  await db.query('BEGIN');
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

function* pending(migrations, applied) {
  const sorted = migrations.slice().sort((a, b) => a.version - b.version);
  for (let i = 0; i < sorted.length; i++) {
    if (!applied.has(sorted[i].version)) yield sorted[i];
  }
}

async function migrate(db, migrations, log) {
  const applied = await appliedVersions(db);
  let count = 0;
  const todo = pending(migrations, applied);
  for (let step = todo.next(); !step.done; step = todo.next()) {
    const migration = step.value;
    await inTransaction(db, async () => {
      const statements = migration.up;
      for (let i = 0; i < statements.length; i++) await db.query(statements[i]);
      await db.query('INSERT INTO migrations (version, applied_at) VALUES (?, ?)', [migration.version, new Date().toISOString()]);
    });
    await log('applied ' + migration.version + ' ' + migration.name);
    count++;
  }
  return count;
}

async function rollback(db, migrations, target, log) {
  const applied = await appliedVersions(db);
  const sorted = migrations.slice().sort((a, b) => b.version - a.version);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const migration = sorted[i];
    if (migration.version <= target || !applied.has(migration.version)) continue;
    await inTransaction(db, async () => {
      for (let k = 0; k < migration.down.length; k++) await db.query(migration.down[k]);
      await db.query('DELETE FROM migrations WHERE version = ?', [migration.version]);
    });
    await log('rolled back ' + migration.version);
    count++;
  }
  return count;
}

async function status(db, migrations) {
  const applied = await appliedVersions(db);
  const lines = [];
  for (let i = 0; i < migrations.length; i++) {
    lines.push((applied.has(migrations[i].version) ? '[x] ' : '[ ] ') + migrations[i].name);
  }
  return lines;
}

module.exports = { appliedVersions, inTransaction, pending, migrate, rollback, status };
