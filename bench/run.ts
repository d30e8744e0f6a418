// `npm run bench -- <name>`: runs one benchmark (or all) and writes its figures to docs/performance.md.
const benches: Record<string, string> = {
  startup: './startup.ts',
  subtree: './subtree.ts',
  members: './members.ts',
};
const wanted = process.argv[2] ?? 'all';
const names = wanted === 'all' ? Object.keys(benches) : [wanted];
for (const name of names) {
  const file = benches[name];
  if (!file) {
    process.stderr.write(`Không có benchmark «${name}». Chọn: ${Object.keys(benches).join(', ')}, all\n`);
    process.exit(2);
  }
  await import(file);
}
