/** An ILIKE pattern matching `text` anywhere; `%`, `_` and `\` are searched for as themselves. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
