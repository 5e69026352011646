#!/usr/bin/env python3
"""Reference side of `ascent-verify bench lambertw`: mpmath and scipy Lambert W evaluations per
CPU-second (process_time, as the TypeScript side uses process.cpuUsage), on the inputs the
TypeScript side sends. Protocol, one JSON document per line:
  stdin line 1: {"seconds": s, "pos": [decimal strings], "neg": [...], "xs": [doubles], "ys": [doubles]}
  stdout line 1: {"cases": [names it can measure], "errors": {"mpmath"|"scipy": message}}
  then for each stdin line {"case": name}: stdout {"case": name, "rate": calls per CPU-second}.
The TypeScript side asks for each reference case right after measuring its own, so both see
about the same machine load."""
import json, sys, time

req = json.loads(sys.stdin.readline())
budget = float(req["seconds"])
cases, errors = {}, {}


def rate(fn, xs):
    """Calls per CPU-second over xs round-robin for `budget` CPU seconds, after a quarter-budget warm-up."""
    def run(b):
        n, t0 = 0, time.process_time()
        while time.process_time() - t0 < b:
            for i in range(50):
                fn(xs[(n + i) % len(xs)])
            n += 50
        return n / (time.process_time() - t0)
    run(budget / 4)
    return run(budget)


try:
    import mpmath as mp

    def mpmath_case(dps, branch, strs):
        def measure():
            mp.mp.dps = dps
            zs = [mp.mpf(s) for s in strs]
            return rate(lambda z: mp.lambertw(z, branch), zs)
        return measure

    for dps in (50, 100):
        cases[f"mpmath_W0_{dps}"] = mpmath_case(dps, 0, req["pos"])
        cases[f"mpmath_Wm1_{dps}"] = mpmath_case(dps, -1, req["neg"])
except ImportError as e:
    errors["mpmath"] = str(e)

try:
    import numpy as np
    from scipy.special import lambertw

    def vectorised(values, k):
        def measure():
            arr = np.array(values, dtype=np.float64)
            lambertw(arr, k)  # warm-up
            t0, reps = time.process_time(), 0
            while time.process_time() - t0 < budget:
                lambertw(arr, k).real
                reps += 1
            return reps * arr.size / (time.process_time() - t0)
        return measure

    def per_call(values, k):
        return lambda: rate(lambda x: lambertw(x, k), [float(x) for x in values[:2000]])

    cases["scipy_W0_vectorised"] = vectorised(req["xs"], 0)
    cases["scipy_Wm1_vectorised"] = vectorised(req["ys"], -1)
    cases["scipy_W0_per_call"] = per_call(req["xs"], 0)
    cases["scipy_Wm1_per_call"] = per_call(req["ys"], -1)
except ImportError as e:
    errors["scipy"] = str(e)

print(json.dumps({"cases": sorted(cases), "errors": errors}), flush=True)
for line in sys.stdin:
    name = json.loads(line)["case"]
    print(json.dumps({"case": name, "rate": cases[name]() if name in cases else None}), flush=True)
