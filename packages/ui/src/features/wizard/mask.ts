/**
 * A sensitive answer as the review page shows it: enough of its ends to recognise it, the middle
 * hidden, as Chinese services print ID and phone numbers (110***********1234, 138****5678).
 */
export function maskText(text: string): string {
  const characters = [...text];
  const { length } = characters;
  if (length <= 4) return '*'.repeat(length);
  const [head, tail] = length >= 11 ? [3, 4] : [1, 1];
  return (
    characters.slice(0, head).join('') + '*'.repeat(length - head - tail) + characters.slice(-tail).join('')
  );
}
