#!/usr/bin/env python3
"""Reference side of `ascent-verify bench sim`: the same batched 1-D DA gradient descent
(exponential loss: w <- w - eta*(lambda*w - c*exp(-w)), c = c_R - c_F) as bench/sim.ts, in numpy
(float64, vectorised over the batch, a Python loop over the steps) and, when torch imports, in
PyTorch eager and torch.compile (on CUDA when available: float64 on the CPU, float32 on the GPU,
matching our CPU and WebGPU kernels). Same law for the batch as sim.ts, different random numbers.
Usage: python3 bench/sim_ref.py B T [--torch-only]  -- prints one JSON object (rates in config-steps/s).
"""
import json, sys, time

B, T = int(sys.argv[1]), int(sys.argv[2])
torch_only = "--torch-only" in sys.argv
out = {}
try:
    import numpy as np
except ImportError as e:
    print(json.dumps({"error": str(e)})); sys.exit(0)
rng = np.random.default_rng(1)
cP = rng.uniform(0.01, 1.0, B); cN = cP * rng.uniform(0.0, 0.9, B); lam = 10 ** rng.uniform(-3, 0, B)
c = cP - cN; eta = 1e-4
if not torch_only:
    w = np.ones(B)
    for _ in range(20):  # warm-up
        w = w - eta * (lam * w - c * np.exp(-w))
    w = np.ones(B)
    t0 = time.perf_counter()
    for _ in range(T):
        w = w - eta * (lam * w - c * np.exp(-w))
    out["numpy"] = B * T / (time.perf_counter() - t0)
    out["checksum"] = float(w.sum())
try:
    import torch
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    dtype = torch.float32 if dev == "cuda" else torch.float64
    tc, tl = torch.tensor(c, device=dev, dtype=dtype), torch.tensor(lam, device=dev, dtype=dtype)

    def run(w):
        for _ in range(T):
            w = w - eta * (tl * w - tc * torch.exp(-w))
        return w

    for mode in ("eager", "compiled"):
        f = torch.compile(run) if mode == "compiled" else run
        w0 = torch.ones(B, dtype=dtype, device=dev)
        f(w0)  # warm-up (and compile)
        if dev == "cuda": torch.cuda.synchronize()
        t0 = time.perf_counter(); f(w0)
        if dev == "cuda": torch.cuda.synchronize()
        out[f"torch_{mode}_{dev}"] = B * T / (time.perf_counter() - t0)
except Exception as e:  # torch is optional
    out["torch_note"] = f"torch not measured: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}".strip()
print(json.dumps(out))
