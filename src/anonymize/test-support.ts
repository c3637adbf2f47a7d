import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHierarchyCsv, type Hierarchy } from './hierarchy.ts';

const ADULT = fileURLToPath(new URL('../../bench/anonymize/adult/', import.meta.url));

/** The first `rows` rows of Adult and ARX's hierarchies for its nine columns. */
export function adultSlice(rows: number): {
  header: string[];
  rows: string[][];
  hierarchies: Hierarchy[];
} {
  const lines = readFileSync(ADULT + 'adult.csv', 'utf8')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = lines[0]!.split(';');
  const hierarchies = header.map((a) =>
    parseHierarchyCsv(a, readFileSync(`${ADULT}adult_hierarchy_${a}.csv`, 'utf8'), a),
  );
  return { header, rows: lines.slice(1, rows + 1).map((l) => l.split(';')), hierarchies };
}

/** The path of one of Adult's hierarchy files. */
export function adultHierarchyPath(attribute: string): string {
  return `${ADULT}adult_hierarchy_${attribute}.csv`;
}

/** A test context with the tables a data-set job uses (see openAppTestContext). */
export async function openAnonymizeContext(engine: import('../store/test-engines.ts').TestEngine) {
  const [{ openAppTestContext }, security, governance, registry, provision, anonymize] =
    await Promise.all([
      import('../app/test-context.ts'),
      import('../security/security-migrations.ts'),
      // SECURITY.5: a download is made on an approval, kept in the governance slice's table.
      import('../governance/governance-migrations.ts'),
      import('../registry/registry-migrations.ts'),
      import('../provision/provision-migrations.ts'),
      import('./anonymize-migrations.ts'),
    ]);
  return openAppTestContext(engine, {
    migrations: {
      ...security.securityMigrations,
      ...governance.governanceMigrations,
      ...registry.registryMigrations,
      ...provision.provisionMigrations,
      ...anonymize.anonymizeMigrations,
    },
  });
}
