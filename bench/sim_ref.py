#!/usr/bin/env python3
"""Reference side of `ascent-verify bench sim`: the same batched 1-D DA gradient descent
(exponential loss, float64) in numpy, vectorised over the batch, a Python loop over the steps.
Usage: python3 bench/sim_ref.py B T  — prints one JSON object."""
import json, sys, time
B, T = int(sys.argv[1]), int(sys.argv[2])
try:
    import numpy as np
except ImportError as e:
    print(json.dumps({"error": str(e)})); sys.exit(0)
rng = np.random.default_rng(1)
cP = rng.uniform(0.01, 1.0, B); cN = cP * rng.uniform(0.0, 0.9, B); lam = 10 ** rng.uniform(-3, 0, B)
w = np.ones(B); c = cP - cN; eta = 1e-4
t0 = time.perf_counter()
for _ in range(T):
    w = w - eta * (-c * np.exp(-w) + lam * w)
dt = time.perf_counter() - t0
out = {"numpy": B * T / dt, "checksum": float(w.sum())}
try:
    import torch
    for mode in ("eager", "compiled"):
        dev = "cuda" if torch.cuda.is_available() else "cpu"
        tc, tl = torch.tensor(c, device=dev), torch.tensor(lam, device=dev)
        def run(w):
            for _ in range(T):
                w = w - eta * (-tc * torch.exp(-w) + tl * w)
            return w
        f = torch.compile(run) if mode == "compiled" else run
        w0 = torch.ones(B, dtype=torch.float64, device=dev)
        f(w0)  # warm-up (and compile)
        if dev == "cuda": torch.cuda.synchronize()
        t0 = time.perf_counter(); f(w0)
        if dev == "cuda": torch.cuda.synchronize()
        out[f"torch_{mode}_{dev}"] = B * T / (time.perf_counter() - t0)
except Exception as e:  # torch is optional
    out["torch_note"] = f"torch not measured: {type(e).__name__}"
print(json.dumps(out))
