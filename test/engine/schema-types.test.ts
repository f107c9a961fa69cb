import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { generateTypes } from '../../scripts/generate-types.mjs';

describe('generated types', () => {
  it('src/model/schema-types.ts is what the schemas generate (run `npm run types` after changing a schema)', async () => {
    const committed = await readFile(new URL('../../src/model/schema-types.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await (generateTypes as () => Promise<string>)());
  });
});
