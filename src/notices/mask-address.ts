/**
 * An address as lists show it: enough to tell notices apart, not enough to learn it
 * (t***@e***.jp, +81*******78, 東京都***). An e-mail keeps only the first letters and the
 * top-level domain: a company's or a family's own domain would tell who it is.
 */
export function maskAddress(channel: 'email' | 'phone' | 'post', address: string): string {
  if (channel === 'email') {
    const at = address.lastIndexOf('@');
    if (at <= 0) return '***';
    const domain = address.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const tld = dot > 0 ? domain.slice(dot) : '';
    return `${address.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
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
