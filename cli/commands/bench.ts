/**
 * `ascent-verify bench <name> [--quick] [--json]`: benchmarks that print our figures beside a
 * reference measured in the same run. Speed targets live here, never in timed tests.
 */
import { resolve } from 'node:path';
import { parseArgs, UsageError, type Command } from '../args.ts';
import { SPECS } from '../spec.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

const BENCHES: Record<string, (quick: boolean, json: boolean, log: (m: string) => void) => Promise<string>> = {
  lambertw: async (quick, json, log) => {
    const { benchLambertw, formatLambertwBench } = await import('../../bench/lambertw.ts');
    const b = await benchLambertw({ quick, log, vectorsPath: resolve(ROOT, 'tests/vectors/lambertw.json') });
    return json ? JSON.stringify(b) : formatLambertwBench(b);
  },
  sim: async (quick, json, log) => {
    const { benchSim, formatSimBench } = await import('../../bench/sim.ts');
    const b = await benchSim({ quick, log });
    return json ? JSON.stringify(b) : formatSimBench(b);
  },
  train: async (quick, json, log) => {
    const { benchTrain, formatTrainBench } = await import('../../bench/train.ts');
    const b = await benchTrain({ quick, log });
    return json ? JSON.stringify(b) : formatTrainBench(b);
  },
};

export const benchCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.bench!);
  const [name, ...extra] = args.positional;
  if (name === undefined || !(name in BENCHES)) throw new UsageError(`bench needs one of: ${Object.keys(BENCHES).join(', ')}${name === undefined ? '' : `; got "${name}"`}`);
  if (extra.length) throw new UsageError(`bench takes one benchmark name, got extra "${extra.join(' ')}"`);
  io.out(await BENCHES[name]!(args.flags.has('quick'), args.flags.has('json'), (m) => io.progress?.(m)));
  return 0;
};
