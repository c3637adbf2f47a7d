/**
 * OBTAIN.CHANNEL: how an item was obtained. A module of its own, without imports, so that the
 * console offers the same words.
 */
export const CHANNELS = ['verbal', 'writing', 'electronic', 'audio', 'video', 'other'] as const;

/** One channel. */
export type Channel = (typeof CHANNELS)[number];
