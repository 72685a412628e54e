// Each feature area keeps its strings in one file with both languages side by side; the
// English half must have exactly the keys of the Chinese half (the type below checks it).
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export function defineMessages<const Z extends object>(messages: { zhCN: Z; en: Widen<Z> }) {
  return messages;
}
