#!/usr/bin/env python3
"""Reference KLoM values for empirics/metrics/klom.ts (checked in properties/klom.test.ts).

Independent of the TypeScript: bins come from np.histogram(x, bins=20, range=(lo, hi)), whose
last bin is closed (a value equal to hi is counted), the definition design.md asks for. Per
sample: clip both margin sets to [-100, 100]; lo, hi = min, max of both; if lo == hi all mass sits
in one bin and KLoM = 0; p = hist(unlearned) / N_u, q = hist(oracle) / N_o; KLoM =
sum over p > 0 of p * log(p / max(q, 1e-5)). Summary: np.percentile(klom, 95) (default 'linear').

For comparison the script also computes the reference code's value (RoyRin/data-unlearning-bench
src/eval.py compute_binned_KL_div and easydub/EasyDUB-code easydub/eval.py binned_kl_divergence):
np.digitize against np.linspace edges, which drops values equal to the top edge and normalises by
the values that remain; data-unlearning-bench then calls scipy.stats.entropy, which also
renormalises the floored q. Run:
    python3 scripts/gen-klom-vectors.py > tests/vectors/klom.json
"""
import json

import numpy as np
from scipy import stats

BINS, EPS, CLIP = 20, 1e-5, 100.0


def histogram(x, lo, hi):
    try:
        return np.histogram(x, bins=BINS, range=(lo, hi))[0]
    except ValueError:
        # np.histogram refuses a range only a few ulp wide ("Too many bins for data range"); there
        # the linspace edges repeat, and a value goes to the last bin whose left edge is <= it
        edges = np.linspace(lo, hi, BINS + 1)
        return np.bincount(np.minimum(np.searchsorted(edges, x, side='right') - 1, BINS - 1), minlength=BINS)


def klom_fixed(unlearned, oracle):
    u = np.clip(np.asarray(unlearned, dtype=np.float64), -CLIP, CLIP)
    o = np.clip(np.asarray(oracle, dtype=np.float64), -CLIP, CLIP)
    lo, hi = min(u.min(), o.min()), max(u.max(), o.max())
    if lo == hi:
        return 0.0
    hu, ho = histogram(u, lo, hi), histogram(o, lo, hi)
    assert hu.sum() == len(u) and ho.sum() == len(o)
    p, q = hu / len(u), ho / len(o)
    m = p > 0
    return float(np.sum(p[m] * np.log(p[m] / np.maximum(q[m], EPS))))


def reference_counts(u, o):
    """The reference code's binning, np.digitize included (a value equal to the top edge is lost)."""
    u, o = np.clip(u, -CLIP, CLIP), np.clip(o, -CLIP, CLIP)
    lo, hi = min(u.min(), o.min()), max(u.max(), o.max())
    if lo >= hi:
        hi = lo + 1
    edges = np.linspace(lo, hi, BINS + 1)
    cu = np.array([np.sum(np.digitize(u, edges) == i) for i in range(1, BINS + 1)])
    co = np.array([np.sum(np.digitize(o, edges) == i) for i in range(1, BINS + 1)])
    p = cu / cu.sum() if cu.sum() > 0 else np.zeros(BINS)
    q = co / co.sum() if co.sum() > 0 else np.zeros(BINS)
    return p, np.where(p > 0, np.maximum(q, EPS), q)


def klom_easydub(unlearned, oracle):
    p, qs = reference_counts(np.asarray(unlearned, float), np.asarray(oracle, float))
    m = p > 0
    return float(np.sum(p[m] * np.log(p[m] / qs[m])))


def klom_dub(unlearned, oracle):
    p, qs = reference_counts(np.asarray(unlearned, float), np.asarray(oracle, float))
    return float(stats.entropy(pk=p, qk=qs))


rng = np.random.default_rng(20251126)
cases = []


def add(name, unlearned, oracle):
    u = [float(x) for x in unlearned]
    o = [float(x) for x in oracle]
    cases.append({'name': name, 'unlearned': u, 'oracle': o, 'klom': klom_fixed(u, o)})


# random margins, equal and different model counts, shifted and rescaled oracle distributions
for nu, no in [(1, 1), (1, 5), (5, 1), (2, 2), (5, 5), (10, 20), (20, 10), (7, 50), (50, 7), (100, 100), (100, 30), (250, 250)]:
    loc, scale = rng.normal(0, 5), rng.uniform(0.5, 8)
    add(f'random Nu={nu} No={no}', rng.normal(0, 4, nu), rng.normal(loc, scale, no))
add('random, same distribution', rng.normal(3, 2, 64), rng.normal(3, 2, 64))
add('random, disjoint supports', rng.normal(-20, 1, 40), rng.normal(20, 1, 40))
add('random, identical sets', *(2 * [rng.normal(1, 3, 30)]))
# ties and values on interior edges: integers on [0, 20] make every edge an integer
add('ties on interior edges', rng.integers(0, 21, 40), rng.integers(0, 21, 40))
add('ties, two values', [0, 0, 0, 1, 1], [0, 1, 1, 1, 1, 1])
add('ties, many copies of the max', [5, 5, 5, 2], [5, 1, 2, 3, 5])
# the top edge: the largest value of all sits in the unlearned set, the oracle set, or both
add('top edge in unlearned only', [0.5, 1.0, 3.0], [0.0, 1.5, 2.0, 2.5])
add('top edge in oracle only', [0.5, 1.0, 2.0], [0.0, 1.5, 2.0, 3.0])
add('top edge in both', [0.5, 3.0, 2.0], [0.0, 1.5, 3.0, 3.0])
add('top edge, every unlearned value at the max', [4.0, 4.0, 4.0], [0.0, 1.0, 4.0])
# clipping
add('beyond +100', [150.0, 1e6, 20.0, 100.0], [99.0, 100.0, 250.0, -5.0])
add('beyond -100', [-150.0, -1e9, -20.0], [-100.0, -99.5, 3.0])
add('beyond both sides', [-1e300, 1e300, 0.0], [-101.0, 101.0, 50.0, -50.0])
add('clipped to equal values', [100.0, 200.0], [300.0, 100.0, 1e5])
# zero range
add('zero range', [2.5, 2.5, 2.5], [2.5, 2.5])
add('zero range, one model each', [-7.0], [-7.0])
add('zero range below -100', [-500.0, -100.0], [-1e4])
# a tiny range: edges a few ulp apart
add('tiny range', [1.0, 1.0 + 2**-52, 1.0 + 2**-51], [1.0 + 2**-52, 1.0])
# the floor: p > 0 where q = 0, and large/small counts
add('floor, oracle empty where unlearned has mass', [0.0] * 9 + [10.0], [0.0] * 20)
add('floor, many bins', np.linspace(-60, 60, 40), rng.normal(0, 1, 10))

# the reference's top-edge drop: ours counts the max, the reference loses it
dig_u, dig_o = [0.0, 1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0, 2.0, 1.0]
digitize = {
    'unlearned': dig_u, 'oracle': dig_o,
    'klom': klom_fixed(dig_u, dig_o),
    'referenceEasyDub': klom_easydub(dig_u, dig_o),
    'referenceDataUnlearningBench': klom_dub(dig_u, dig_o),
}
assert abs(digitize['klom'] - digitize['referenceEasyDub']) > 0.1

# several samples at once: models x samples matrices, per-sample KLoM, p95 and mean
def matrix_case(name, nu, no, ns, shift):
    U = rng.normal(0, 3, (nu, ns))
    O = rng.normal(0, 3, (no, ns)) + shift * rng.normal(0, 1, ns)
    k = np.array([klom_fixed(U[:, s], O[:, s]) for s in range(ns)])
    return {'name': name, 'unlearned': U.tolist(), 'oracle': O.tolist(), 'klom': k.tolist(),
            'p95': float(np.percentile(k, 95)), 'mean': float(np.mean(k))}


matrices = [matrix_case('30x30 models, 40 samples', 30, 30, 40, 2.0),
            matrix_case('8 unlearned, 25 oracle models, 21 samples', 8, 25, 21, 5.0),
            matrix_case('1 sample', 10, 10, 1, 1.0)]

percentiles = []
for n in [1, 2, 3, 10, 20, 21, 40, 101, 1000]:
    x = rng.exponential(1.0, n)
    percentiles.append({'values': x.tolist(), 'pct': 95, 'value': float(np.percentile(x, 95))})
percentiles.append({'values': [3.0, 1.0, 2.0], 'pct': 50, 'value': float(np.percentile([3.0, 1.0, 2.0], 50))})
percentiles.append({'values': [0.0, 10.0], 'pct': 95, 'value': float(np.percentile([0.0, 10.0], 95))})

# how much the drop moves KLoM on ordinary data: 100 vs 100 models, 500 samples
U = rng.normal(0, 3, (100, 500))
O = rng.normal(0.5, 3, (100, 500))
ours = np.array([klom_fixed(U[:, s], O[:, s]) for s in range(500)])
ref = np.array([klom_easydub(U[:, s], O[:, s]) for s in range(500)])
dub = np.array([klom_dub(U[:, s], O[:, s]) for s in range(500)])
effect = {
    'setup': '100 unlearned ~ N(0, 3^2), 100 oracle ~ N(0.5, 3^2) margins per sample, 500 samples, numpy seed 20251126',
    'samplesThatDiffer': int(np.sum(np.abs(ours - ref) > 1e-12)),
    'maxAbsDifference': float(np.max(np.abs(ours - ref))),
    'p95': {'ours': float(np.percentile(ours, 95)), 'referenceEasyDub': float(np.percentile(ref, 95)),
            'referenceDataUnlearningBench': float(np.percentile(dub, 95))},
}

print(json.dumps({
    'generator': 'scripts/gen-klom-vectors.py (numpy np.histogram binning, independent of the TypeScript)',
    'numpy': np.__version__,
    'bins': BINS, 'eps': EPS, 'clip': CLIP,
    'cases': cases,
    'digitizeTopEdge': digitize,
    'matrices': matrices,
    'percentiles': percentiles,
    'digitizeEffect': effect,
}))
