#!/usr/bin/env python3
"""Reference side of `ascent-verify bench lambertw`: mpmath and scipy Lambert W evaluations per
second on this machine, measured on the same inputs as the TypeScript side. Prints one JSON object.
Usage: python3 bench/lambertw_ref.py SECONDS_PER_CASE"""
import json, sys, time, random

budget = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
out = {}
random.seed(1)
pos = [10 ** random.uniform(-5, 5) for _ in range(2000)]
neg = [-random.uniform(1e-6, 0.3678) for _ in range(2000)]

def rate(fn, xs):
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < budget:
        for x in xs[:200]:
            fn(x)
        n += 200
    return n / (time.perf_counter() - t0)

try:
    import mpmath as mp
    for dps in (50, 100):
        mp.mp.dps = dps
        pz = [mp.mpf(x) for x in pos]
        nz = [mp.mpf(x) for x in neg]
        out[f"mpmath_W0_{dps}"] = rate(lambda z: mp.lambertw(z, 0), pz)
        out[f"mpmath_Wm1_{dps}"] = rate(lambda z: mp.lambertw(z, -1), nz)
except ImportError as e:
    out["mpmath_error"] = str(e)

try:
    import numpy as np
    from scipy.special import lambertw
    arr = np.array(pos * 500)  # 1e6 doubles
    narr = np.array(neg * 500)
    t0 = time.perf_counter(); reps = 0
    while time.perf_counter() - t0 < budget:
        lambertw(arr, 0).real; reps += 1
    out["scipy_W0_vectorised"] = reps * arr.size / (time.perf_counter() - t0)
    t0 = time.perf_counter(); reps = 0
    while time.perf_counter() - t0 < budget:
        lambertw(narr, -1).real; reps += 1
    out["scipy_Wm1_vectorised"] = reps * narr.size / (time.perf_counter() - t0)
    out["scipy_W0_per_call"] = rate(lambda x: lambertw(x, 0), pos)
except ImportError as e:
    out["scipy_error"] = str(e)
print(json.dumps(out))
