// Creates or drops the database a CI run uses: `node runtime/scripts/ci-database.mjs create|drop <name>`.
// The server is POSTGRES_ADMIN_URL (default: the local test database on 127.0.0.1:5432).
import postgres from 'postgres';

const [action, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: ci-database.mjs create|drop <name>');
  process.exit(2);
}
const admin = postgres(process.env.POSTGRES_ADMIN_URL ?? 'postgres://127.0.0.1:5432/test', {
  max: 1,
  onnotice: () => undefined,
});
try {
  if (action === 'create') await admin.unsafe(`create database "${name}"`);
  else await admin.unsafe(`drop database if exists "${name}" with (force)`);
} finally {
  await admin.end();
}
