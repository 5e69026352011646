#!/usr/bin/env python3
"""Reference values of the 1-D setting (Sec. 5.1.1, App. C-G) for the 1-D claim modules' tests,
computed independently of the TypeScript code: the alpha-thresholds of App. E as exact fractions
(fractions.Fraction) and at 50 digits, the fold alpha = |F|/|R| + lambda|F|/(e|R_j|), Lemma 4's
bound |ln((1+alpha)|R|/|D|)|, Lemma 5's bound W0(|R_j|/(lambda|R|)), and w_D, w_R, w_DA (W0 of the
DA argument where it is >= -1/e) with mpmath.lambertw at 70 digits, stored to 50 significant digits.
Inputs are short decimals (lambda and alpha with 6 significant digits) so that they are exact in both.
Run: python3 scripts/gen-logistic1d-vectors.py > tests/vectors/logistic1d.json
"""
import json, math, random
from fractions import Fraction
import mpmath as mp

mp.mp.dps = 70
random.seed(20251129)

def s50(x): return mp.nstr(x, 50, strip_zeros=False)
def frac(q): return f"{q.numerator}/{q.denominator}"

cases = []
for i in range(40):
    R = int(10 ** random.uniform(1, 6)); f = random.uniform(0.001, 0.5); F = max(1, round(f * R / (1 - f)))
    Rj = max(1, int(10 ** random.uniform(math.log10(max(1, 1e-4 * R)), math.log10(R))))
    lam = Fraction(f"{10 ** random.uniform(-6, 1):.6g}")
    low = Fraction(F * F, R * (F + R + F)); split = Fraction(F, R); amax = Fraction(F, Rj)
    D = R + F
    m = lambda q: mp.mpf(q.numerator) / q.denominator
    fold = m(split) + m(lam) * F / (mp.e * Rj)
    # alpha a short decimal: every other case below the fold (DA has a minimum), the rest anywhere in [0, |F|/|R_j|]
    top = min(float(amax), float(fold)) if i % 2 == 0 else float(amax)
    alpha = Fraction(f"{top * random.uniform(0.001, 0.999):.6g}")
    zD = (1 + m(alpha)) * Rj / (m(lam) * D); zR = mp.mpf(Rj) / (m(lam) * R)
    z = (1 - m(alpha) * R / F) * Rj / (m(lam) * R)
    wDA = mp.lambertw(z, 0).real if z >= -1 / mp.e else None
    cases.append({
        "R": str(R), "F": str(F), "Rj": str(Rj), "alpha": str(float(alpha)) if alpha == Fraction(str(float(alpha))) else f"{float(alpha):.6g}",
        "lambda": f"{float(lam):.6g}",
        "alphaLowFraction": frac(low), "alphaSplitFraction": frac(split),
        "alphaLow": s50(m(low)), "alphaSplit": s50(m(split)), "alphaFold": s50(fold), "alphaMax": s50(m(amax)),
        "lemma4Bound": s50(abs(mp.log((1 + m(alpha)) * R / D))),
        "lemma5Bound": s50(mp.lambertw(zR, 0).real),
        "wD": s50(mp.lambertw(zD, 0).real), "wR": s50(mp.lambertw(zR, 0).real),
        "z": s50(z), "wDA": None if wDA is None else s50(wDA),
    })
    # alpha must be read back exactly as the fraction used above
    assert Fraction(cases[-1]["alpha"]) == alpha and Fraction(cases[-1]["lambda"]) == lam
print(json.dumps({"generator": "scripts/gen-logistic1d-vectors.py", "mpmath": mp.__version__, "digits": 50, "cases": cases}, indent=1))
