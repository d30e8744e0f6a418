// `npm run bench -- <name>`: runs one benchmark (or all) and writes its figures to docs/performance.md.
const benches: Record<string, string> = {
  startup: './startup.ts',
  subtree: './subtree.ts',
  members: './members.ts',
  coverage: './coverage.ts',
  plans: './plans.ts',
  dashboard: './dashboard.ts',
  'member-app': './member-app.ts',
  'members-national': './members-national.ts',
};
const wanted = process.argv[2] ?? 'all';
// 'all' leaves out the national register: it takes several minutes and gigabytes to build.
const names = wanted === 'all' ? Object.keys(benches).filter((n) => n !== 'members-national') : [wanted];
for (const name of names) {
  const file = benches[name];
  if (!file) {
    process.stderr.write(`Không có benchmark «${name}». Chọn: ${Object.keys(benches).join(', ')}, all\n`);
    process.exit(2);
  }
  await import(file);
}
