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
  ['governance', 'intake', 'notices', 'retention'],
  ['provision', 'demo'],
  ['requests', 'incidents', 'anonymize'],
];

/** Folders that compose slices: they may import any slice's surface. */
export const COMPOSERS = ['app', 'http', 'cli'];

/** Slices that are pure besides: no database, HTTP or file system (only the loader reads files). */
const PURE = {
  policy: {
    group: ['fastify', 'kysely', 'node:fs', 'node:fs/*'],
    message: 'src/policy is pure: it imports no slice, database, HTTP or file system.',
    except: ['src/policy/load-policy.ts'],
  },
};

const TESTS = [
  'src/**/*.test.ts',
  'src/**/test-support.ts',
  'src/**/*-test-support.ts',
  'src/**/test-*.ts',
];
const DEPTHS = [1, 2, 3];

function patternsFor(slice, depth, pure) {
  const up = '../'.repeat(depth);
  const layer = LAYERS.findIndex((l) => l.includes(slice));
  const lower = LAYERS.slice(0, layer).flat();
  const notLower = LAYERS.flat().filter((s) => s !== slice && !lower.includes(s));
  const extra =
    pure && PURE[slice] ? [{ group: PURE[slice].group, message: PURE[slice].message }] : [];
  return [
    ...extra,
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

/** ESLint config blocks, one per slice and folder depth (and one for a pure slice's exceptions). */
export function boundaries() {
  return LAYERS.flat().flatMap((slice) => {
    const except = PURE[slice]?.except ?? [];
    return [
      ...DEPTHS.map((depth) => ({
        files: [`src/${slice}/${'*/'.repeat(depth - 1)}*.ts`],
        ignores: [...TESTS, ...except],
        rules: {
          'no-restricted-imports': ['error', { patterns: patternsFor(slice, depth, true) }],
        },
      })),
      ...except.map((file) => ({
        files: [file],
        rules: {
          'no-restricted-imports': [
            'error',
            { patterns: patternsFor(slice, file.split('/').length - 2, false) },
          ],
        },
      })),
    ];
  });
}
