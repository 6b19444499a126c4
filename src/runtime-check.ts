/**
 * Imported first by main.ts, before any dependency loads: on an older Node, Berth stops here with
 * what to do, instead of failing later deep inside a dependency (undici needs Node 24's web APIs).
 * Written for any Node: no imports, no newer syntax.
 */
const NEEDED = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < NEEDED) {
  process.stderr.write(
    `Berth needs Node.js ${NEEDED} or newer; this is Node.js ${process.versions.node}.\n` +
      `Run it with the Node.js that \`npm ci\` installs: \`npm start\` (or \`node_modules/.bin/node dist/main.js\`).\n`,
  );
  process.exit(1);
}
export {};
