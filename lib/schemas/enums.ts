/** Enum choices in the APIs are the generated Prisma enums' values, so that a new value reaches the schemas by itself. */

type EnumValue<E extends Record<string, string>> = E[keyof E];

/** The values of a generated Prisma enum, in the order the Prisma schema declares them. */
export function enumValues<E extends Record<string, string>>(prismaEnum: E): readonly [EnumValue<E>, ...EnumValue<E>[]] {
  return Object.values(prismaEnum) as [EnumValue<E>, ...EnumValue<E>[]];
}

/** The same values with `first` moved to the front, where the API documents them in that order. */
export function enumValuesFirst<E extends Record<string, string>>(
  prismaEnum: E,
  first: EnumValue<E>,
): readonly [EnumValue<E>, ...EnumValue<E>[]] {
  return [first, ...enumValues(prismaEnum).filter((value) => value !== first)];
}
