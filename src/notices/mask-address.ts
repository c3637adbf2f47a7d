/**
 * An address as lists show it: enough to tell notices apart, not enough to learn it
 * (t***@example.jp, +81*******78, 東京都***).
 */
export function maskAddress(channel: 'email' | 'phone' | 'post', address: string): string {
  if (channel === 'email') {
    const at = address.lastIndexOf('@');
    if (at <= 0) return '***';
    return `${address.slice(0, 1)}***${address.slice(at)}`;
  }
  const chars = [...address];
  if (channel === 'phone') {
    const keep = Math.min(3, Math.max(0, chars.length - 4));
    return (
      chars.slice(0, keep).join('') +
      '*'.repeat(Math.max(0, chars.length - keep - 2)) +
      chars.slice(-2).join('')
    );
  }
  return `${chars.slice(0, 3).join('')}***`;
}
