/**
 * The layers of hogo (docs/architecture.md, "Layers"): a slice may import a slice of a lower
 * layer, through its `index.ts` only; never one of its own layer or above, never `app/`, `cli/`
 * or `http/`. Since every import points down, no cycle between slices can form. `app/` is the
 * composition root, `http/` and `cli/` the adapters; they and the tests compose freely.
 */
export const LAYERS = [
  ['errors'],
  ['policy', 'store'],
  ['security', 'config'],
  ['registry'],
  ['governance', 'intake', 'notices'],
  ['provision', 'demo'],
  ['requests', 'incidents', 'anonymize'],
];

/** Folders that compose slices: they may import any slice's surface. */
export const COMPOSERS = ['app', 'http', 'cli'];

/** Slices not yet held to their surface, until their imports go through `index.ts`. */
export const LEGACY = [
  'policy',
  'store',
  'security',
  'config',
  'registry',
  'intake',
  'notices',
  'provision',
  'demo',
  'requests',
];

const TESTS = [
  'src/**/*.test.ts',
  'src/**/test-support.ts',
  'src/**/*-test-support.ts',
  'src/**/test-*.ts',
];
const DEPTHS = [1, 2, 3];

function patternsFor(slice, depth) {
  const up = '../'.repeat(depth);
  const layer = LAYERS.findIndex((l) => l.includes(slice));
  const lower = LAYERS.slice(0, layer).flat();
  const notLower = LAYERS.flat().filter((s) => s !== slice && !lower.includes(s));
  return [
    {
      group: [...COMPOSERS, ...notLower].flatMap((s) => [`${up}${s}`, `${up}${s}/*`]),
      message: `${slice} may import only lower layers (${lower.join(', ') || 'none'}); app/, http/ and cli/ compose slices, never the reverse.`,
    },
    ...lower.map((s) => ({
      group: [`${up}${s}/*`, `!${up}${s}/index.ts`],
      message: `import ${s} through its surface, ${up}${s}/index.ts.`,
    })),
  ];
}

/** ESLint config blocks, one per slice and folder depth. */
export function boundaries() {
  return LAYERS.flat()
    .filter((slice) => !LEGACY.includes(slice))
    .flatMap((slice) =>
      DEPTHS.map((depth) => ({
        files: [`src/${slice}/${'*/'.repeat(depth - 1)}*.ts`],
        ignores: TESTS,
        rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(slice, depth) }] },
      })),
    );
}
