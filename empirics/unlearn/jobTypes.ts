/** The jobs of an empirics run as data (no tfjs here, so the runner's thread never loads it). */
import type { DataSource } from './prepare.ts';
import { runKey, type EmpiricsPlan, type RunConfig } from './profiles.ts';
import type { BootTarget } from './bootstrap.ts';

export type Job =
  | { type: 'pretrain'; i: number }
  | { type: 'oracle'; set: string; i: number }
  | { type: 'unlearn'; set: string; run: RunConfig; i: number }
  | { type: 'bootstrap'; target: BootTarget };

export interface JobContextInit {
  plan: EmpiricsPlan;
  seed: number;
  source: DataSource;
  dir: string;
  /** forget sets by name (positions in D); empty before pretraining has finished */
  forgetSets: Record<string, number[]>;
}

export const jobLabel = (j: Job): string =>
  j.type === 'pretrain' ? `pretrained model ${j.i}` : j.type === 'oracle' ? `oracle ${j.i} of ${j.set}` : j.type === 'unlearn' ? `${runKey(j.run)} on ${j.set}, model ${j.i}`
    : `bootstrap of ${'run' in j.target ? runKey(j.target.run) : j.target.reference} on ${j.target.set}`;
