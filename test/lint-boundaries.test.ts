import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The boundary messages ESLint gives a file at `filePath` holding `code`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layers lint (eslint-boundaries.js)', () => {
  it("refuses an import of another slice's inner file, naming its surface", async () => {
    const errors = await boundaryErrors(
      'src/incidents/count-affected.ts',
      "import { itemRows } from '../registry/item-rows.ts';\nexport const x = itemRows;\n",
    );
    expect(errors).toEqual([expect.stringContaining('../registry/index.ts')]);
  });

  it("allows a lower slice's surface, from any depth of the folder", async () => {
    expect(
      await boundaryErrors(
        'src/incidents/count-affected.ts',
        "import { listCustomers } from '../registry/index.ts';\nexport const x = listCustomers;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src/incidents/report/fill-report.ts',
        "import { HogoError } from '../../errors/index.ts';\nexport const x = HogoError;\n",
      ),
    ).toEqual([]);
  });

  it('refuses an upward import of the composition root or an adapter', async () => {
    for (const target of ['../app/app-context.ts', '../http/build-app.ts', '../cli/cli-error.ts']) {
      const errors = await boundaryErrors(
        'src/incidents/record-incident.ts',
        `import { x } from '${target}';\nexport const y = x;\n`,
      );
      expect(errors, target).toEqual([expect.stringContaining('never the reverse')]);
    }
  });

  it('refuses an import that would close a cycle: a lower layer importing a higher one', async () => {
    // incidents may import errors; errors importing incidents would make a cycle.
    const errors = await boundaryErrors(
      'src/errors/hogo-error.ts',
      "import { x } from '../incidents/index.ts';\nexport const y = x;\n",
    );
    expect(errors).toEqual([expect.stringContaining('only lower layers')]);
  });

  it('refuses the registry importing requests, which imports the registry', async () => {
    const errors = await boundaryErrors(
      'src/registry/create-customer.ts',
      "import { fileRequest } from '../requests/index.ts';\nexport const y = fileRequest;\n",
    );
    expect(errors).toEqual([expect.stringContaining('only lower layers')]);
  });

  it('keeps the policy core pure of the file system, but for its loader', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n";
    expect(await boundaryErrors('src/policy/decide.ts', code)).toEqual([
      expect.stringContaining('pure'),
    ]);
    expect(await boundaryErrors('src/policy/load-policy.ts', code)).toEqual([]);
  });

  it('refuses an import of a slice of the same layer (peers could import each other)', async () => {
    const errors = await boundaryErrors(
      'src/incidents/record-incident.ts',
      "import { x } from '../anonymize/index.ts';\nexport const y = x;\n",
    );
    expect(errors).toEqual([expect.stringContaining('only lower layers')]);
  });

  it('leaves tests free to compose', async () => {
    expect(
      await boundaryErrors(
        'src/incidents/record-incident.test.ts',
        "import { buildApp } from '../http/build-app.ts';\nexport const y = buildApp;\n",
      ),
    ).toEqual([]);
  });
});
