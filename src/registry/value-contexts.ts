// SECURITY.6: each ciphertext is bound to its row as AES-GCM additional data, so a value
// copied into another row (or another customer's) does not decrypt.

/** The context of an item's value. */
export const itemContext = (itemId: string): string => `item:${itemId}`;

/** The context of a subscriber line's number. */
export const lineContext = (lineId: string): string => `line:${lineId}`;

/** The context of a family link's name. */
export const familyContext = (linkId: string): string => `family:${linkId}`;
