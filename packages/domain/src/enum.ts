/** A named numeric enum: names in code, numbers on the wire and in the database. */
export type NumericEnum = Readonly<Record<string, number>>;

export type EnumValue<E extends NumericEnum> = E[keyof E];

export function enumValues<E extends NumericEnum>(e: E): EnumValue<E>[] {
  return Object.values(e) as EnumValue<E>[];
}

export function enumName<E extends NumericEnum>(e: E, value: EnumValue<E>): keyof E & string {
  const entry = Object.entries(e).find(([, v]) => v === value);
  if (!entry) throw new RangeError(`${value} is not a member of this enum`);
  return entry[0];
}
