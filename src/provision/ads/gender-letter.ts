import { refused, normalized, type Normalized } from './ad-value.ts';

const LETTERS: ReadonlyMap<string, string> = new Map([
  ['m', 'm'],
  ['male', 'm'],
  ['男', 'm'],
  ['男性', 'm'],
  ['f', 'f'],
  ['female', 'f'],
  ['女', 'f'],
  ['女性', 'f'],
]);

/** Meta GEN: 'm' or 'f', hashed; any other value is refused rather than guessed. */
export function genderLetter(input: string): Normalized {
  const text = input.trim().toLowerCase();
  if (text === '') return refused('empty');
  const letter = LETTERS.get(text);
  return letter === undefined ? refused('invalid_gender') : normalized(letter, true);
}
