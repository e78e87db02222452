/** "instagram_reel" → "Instagram reel": an enum value as a person reads it. */
export function humanize(value: string): string {
  const text = value.replace(/[_-]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
