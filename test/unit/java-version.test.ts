import { describe, expect, it } from 'vitest';
import { javaMajorVersion } from '../../local/dynamodb-local.ts';

describe("reading `java -version` (the loopback guard needs Java's security manager, gone in 24)", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "24.0.1" 2025-04-15', 24],
    ['openjdk version "25-ea" 2025-09-16', 25],
  ])('%s is %i', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });

  it('says it does not know when the output is unfamiliar', () => {
    expect(javaMajorVersion('no java here')).toBeUndefined();
  });
});
