/**
 * Relations a caller may give; only the family ones are answered (PROVIDE.FAMILY). A module of
 * its own, without imports, so that the console lists the same words.
 */
export const CALLER_RELATIONS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'grandchild',
  'otherRelative',
  'friend',
  'cohabitant',
] as const;
