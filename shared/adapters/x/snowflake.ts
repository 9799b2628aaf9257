/** X ids are snowflakes: milliseconds since X's epoch in the top 41 bits, then 22 bits of worker and sequence. */
const TWEPOCH = 1288834974657n;

/** When the post with this id was made, or undefined for something that is not a snowflake. */
export function snowflakeTime(id: string): Date | undefined {
  if (!/^\d{1,19}$/.test(id)) return undefined;
  const ms = (BigInt(id) >> 22n) + TWEPOCH;
  return ms > TWEPOCH ? new Date(Number(ms)) : undefined;
}

/** The largest id made before `time`: as a `since_id` it selects exactly the posts made at or after it. */
export function idBefore(time: Date): string {
  const id = ((BigInt(time.getTime()) - TWEPOCH) << 22n) - 1n;
  return (id < 0n ? 0n : id).toString();
}
