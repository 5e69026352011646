/**
 * Units in the last place of float64, through the bit patterns: doubles of one sign are ordered like
 * their bit patterns read as integers, so mapping negatives onto −|bits| orders all of them (±0 meet
 * at 0). Used by the float64 properties and bench/lambertw.ts.
 */
function key(x: number): bigint {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const bits = v.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** Distance in ulps between two doubles: how many doubles lie from one to the other. */
export function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

/** The spacing of doubles at x: from |x| to the next double above it. */
export function ulp(x: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, Math.abs(x));
  v.setBigInt64(0, v.getBigInt64(0) + 1n);
  return v.getFloat64(0) - Math.abs(x);
}
