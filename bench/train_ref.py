#!/usr/bin/env python3
"""Reference side of `ascent-verify bench train`: training throughput (forward + backward + SGD
step, images/s) of the same networks as bench/train.ts, measured in the same run.

- PyTorch, when `import torch` works: the same three networks (mlp, small-cnn, resnet9; same
  layer shapes, no conv biases in ResNet-9, same batch, float32, plain SGD on softmax
  cross-entropy), eager and torch.compile (torch >= 2 only), on CUDA when available, else on
  ONE CPU thread (torch.set_num_threads(1)), as tfjs's wasm and cpu backends run. ResNet-9 runs
  channels_last, as in the KLoM reference code. bench/train.ts runs this script with
  /usr/bin/python3 when that imports torch (Debian's python3-torch).
- Always: the MLP (flatten -> 64 ReLU -> classes) by hand-written numpy forward/backward, float32:
  the CPU reference where torch is missing. The caller runs this script with one BLAS thread
  (OPENBLAS_NUM_THREADS=1 ...), matching tfjs's single-threaded CPU backend.

Each case is timed in `blocks` blocks of `steps` steps and the fastest block counts, as in
bench/train.ts (the machine may be shared with other work).

Usage: python3 bench/train_ref.py '<json list of {"model","shape":[h,w,c],"batch","steps","blocks","warmup"}>'
Prints one JSON object: {"numpy": {"mlp": img/s}, "torch": {"device": ..., "mlp": {"eager": img/s,
"compiled": img/s}, ...}, "torch_note": "...", "numpy_note": "..."}.
"""
import json, sys, time

cases = json.loads(sys.argv[1])
out = {"numpy": {}, "torch": {}}


def numpy_mlp(c):
    import numpy as np
    h, w, ch = c["shape"]
    d, hid, k, B = h * w * ch, 64, 10, c["batch"]
    rng = np.random.default_rng(0)
    f32 = np.float32
    W1 = rng.uniform(-1, 1, (d, hid)).astype(f32) / f32(np.sqrt(d)); b1 = np.zeros(hid, f32)
    W2 = rng.uniform(-1, 1, (hid, k)).astype(f32) / f32(np.sqrt(hid)); b2 = np.zeros(k, f32)
    x = rng.standard_normal((B, d)).astype(f32)
    y = np.arange(B) % k
    lr = f32(0.01)

    def step():
        nonlocal W1, b1, W2, b2
        z1 = x @ W1 + b1
        a1 = np.maximum(z1, 0)
        logits = a1 @ W2 + b2
        m = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - m)
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(B), y]).mean()
        g = p; g[np.arange(B), y] -= 1; g /= B           # dL/dlogits
        gW2 = a1.T @ g; gb2 = g.sum(axis=0)
        ga1 = g @ W2.T; ga1[z1 <= 0] = 0
        gW1 = x.T @ ga1; gb1 = ga1.sum(axis=0)
        W1 -= lr * gW1; b1 -= lr * gb1; W2 -= lr * gW2; b2 -= lr * gb2
        return loss

    for _ in range(max(c["warmup"], 3)):
        step()
    best = float("inf")
    for _ in range(c.get("blocks", 1)):
        t0 = time.perf_counter()
        for _ in range(c["steps"]):
            step()
        best = min(best, time.perf_counter() - t0)
    return B * c["steps"] / best


try:
    for c in cases:
        if c["model"] == "mlp":
            out["numpy"]["mlp"] = numpy_mlp(c)
except ImportError as e:
    out["numpy_note"] = f"numpy not measured: {e}"


def torch_models(torch, nn):
    class Mul(nn.Module):
        def __init__(self, w):
            super().__init__(); self.w = w

        def forward(self, x):
            return x * self.w

    class Residual(nn.Module):
        def __init__(self, m):
            super().__init__(); self.m = m

        def forward(self, x):
            return x + self.m(x)

    def conv_bn(ci, co, k=3, s=1, p=1):
        return nn.Sequential(nn.Conv2d(ci, co, k, stride=s, padding=p, bias=False), nn.BatchNorm2d(co), nn.ReLU(inplace=True))

    def resnet9(shape, classes):
        return nn.Sequential(
            conv_bn(shape[2], 64), conv_bn(64, 128, 5, 2, 2),
            Residual(nn.Sequential(conv_bn(128, 128), conv_bn(128, 128))),
            conv_bn(128, 256), nn.MaxPool2d(2),
            Residual(nn.Sequential(conv_bn(256, 256), conv_bn(256, 256))),
            conv_bn(256, 128, 3, 1, 0), nn.AdaptiveMaxPool2d((1, 1)), nn.Flatten(),
            nn.Linear(128, classes, bias=False), Mul(0.2))

    def small_cnn(shape, classes):
        h, w, ch = shape
        return nn.Sequential(nn.Conv2d(ch, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(16 * (h // 2) * (w // 2), classes))

    def mlp(shape, classes):
        h, w, ch = shape
        return nn.Sequential(nn.Flatten(), nn.Linear(h * w * ch, 64), nn.ReLU(), nn.Linear(64, classes))

    return {"mlp": mlp, "small-cnn": small_cnn, "resnet9": resnet9}


try:
    import torch
    from torch import nn
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    if dev == "cpu":
        torch.set_num_threads(1)  # the tfjs backends it is compared with run on one thread
    out["torch"]["device"] = torch.cuda.get_device_name(0) if dev == "cuda" else "cpu"
    out["torch"]["version"] = torch.__version__
    builders = torch_models(torch, nn)
    sync = torch.cuda.synchronize if dev == "cuda" else (lambda: None)
    notes = []
    for c in cases:
        h, w, ch = c["shape"]
        res = {}
        modes = ("eager", "compiled") if hasattr(torch, "compile") else ("eager",)
        if not hasattr(torch, "compile") and "torch.compile: not in torch " + torch.__version__ not in notes:
            notes.append("torch.compile: not in torch " + torch.__version__)
        for mode in modes:
            try:
                torch.manual_seed(0)
                model = builders[c["model"]](c["shape"], 10).to(dev)
                x = torch.randn(c["batch"], ch, h, w, device=dev)
                if c["model"] == "resnet9":
                    model = model.to(memory_format=torch.channels_last)
                    x = x.contiguous(memory_format=torch.channels_last)
                y = torch.arange(c["batch"], device=dev) % 10
                opt = torch.optim.SGD(model.parameters(), lr=0.01)
                fwd = torch.compile(model) if mode == "compiled" else model
                lossf = nn.CrossEntropyLoss()

                def step():
                    opt.zero_grad(set_to_none=True)
                    loss = lossf(fwd(x), y)
                    loss.backward()
                    opt.step()
                    return loss

                for _ in range(max(c["warmup"], 3 if mode == "compiled" else 1)):
                    step()
                sync()
                best = float("inf")
                for _ in range(c.get("blocks", 1)):
                    t0 = time.perf_counter()
                    for _ in range(c["steps"]):
                        step()
                    sync()
                    best = min(best, time.perf_counter() - t0)
                res[mode] = c["batch"] * c["steps"] / best
            except Exception as e:  # torch.compile needs a working compiler toolchain
                notes.append(f"{c['model']} {mode}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
        out["torch"][c["model"]] = res
    if notes:
        out["torch_note"] = "; ".join(notes)
except ImportError as e:
    out["torch_note"] = f"torch not installed ({e})"
print(json.dumps(out))
