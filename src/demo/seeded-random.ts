/** A deterministic source of randomness: the same seed gives the same sequence, everywhere. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) seeded from the given words:
 * fast, well distributed for test data, and not cryptographic — never use it for keys.
 */
export function seededRandom(...seed: readonly number[]): SeededRandom {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  const raw = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (const word of seed) {
    a ^= word | 0;
    b ^= Math.imul(word | 0, 0x85ebca6b);
    for (let i = 0; i < 4; i++) raw();
  }
  for (let i = 0; i < 12; i++) raw();
  const next = () => raw() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
  };
}
