#!/usr/bin/env python3
"""Reference stationary points of the 2-D setting (Sec. 5.1.2, App. H) with mpmath, for
properties/logistic2d.test.ts. Independent of the TypeScript code: L_D and L_R minima by
mpmath.findroot on the gradient in w-space (from the float64 minimum found by plain gradient
descent); DA's fold by maximising ln beta(x) (mpmath.findroot on its derivative, mpmath.diff) and
DA's minimum / saddle by findroot on beta(x) = alpha*r/|F| on each side of the fold, then polished
by findroot on the 2-D gradient. Also the paper's formulas at each case (Lemma 6's x_R, y_R;
Lemma 7's four bounds; Lemma 8's arguments and bounds; Lemma 9's two alpha terms; Lemma 10's
alpha_x, alpha_y as claims.md reconstructs Eqs. (6)-(7)), computed here from the paper's text.
Written at 70 digits, stored to 50 significant digits.
Run: python3 scripts/gen-logistic2d-vectors.py > tests/vectors/logistic2d.json
"""
import json, math, random
import mpmath as mp

mp.mp.dps = 70
random.seed(20251126)

def grad(A, B, e, lam):
    return lambda w1, w2: [lam*w1 - A*mp.e**(-(w1+e*w2)) - e*B*mp.e**(-(e*w1+w2)),
                           lam*w2 - e*A*mp.e**(-(w1+e*w2)) - B*mp.e**(-(e*w1+w2))]

def gd_start(A, B, e, lam):
    w1 = w2 = 0.0
    for _ in range(200000):
        a = float(A)*math.exp(-(w1+float(e)*w2)); b = float(B)*math.exp(-(float(e)*w1+w2))
        g1 = float(lam)*w1 - a - float(e)*b; g2 = float(lam)*w2 - float(e)*a - b
        L = a + b + float(lam)
        w1 -= g1/L; w2 -= g2/L
        if abs(g1)+abs(g2) < 1e-14*(1+abs(w1)+abs(w2)): break
    return w1, w2

def s50(x): return mp.nstr(x, 50, strip_zeros=False)

out = []
for i in range(24):
    R = int(10**random.uniform(1, 6)); f = random.uniform(0.01, 0.5); F = max(1, round(f*R/(1-f)))
    r = max(1, int(10**random.uniform(math.log10(max(1, 1e-3*R)), math.log10(R))))
    lam = mp.mpf(f"{10**random.uniform(-5, 1):.6g}"); e = mp.mpf(f"{random.uniform(0.02, 0.98):.6g}")
    R_, F_, r_ = mp.mpf(R), mp.mpf(F), mp.mpf(r)
    k = 1 + e*e; q = (1 - e*e)**2; A = r_/R_
    P = lambda x: (k*A*mp.e**(-x) - lam*x)/(2*e)
    yof = lambda x: (k*x - q*A*mp.e**(-x)/lam)/(2*e)
    lnb = lambda x: mp.log(P(x)) + yof(x)
    xP = mp.lambertw(k*A/lam).real
    # fold: the maximum of ln beta on (-inf, xP); scan for a bracket of its derivative
    d = lambda x: mp.diff(lnb, x)
    lo = xP - 1
    while d(lo) < 0: lo -= 2*(xP - lo)
    hi = xP - mp.mpf(10)**-30
    xs = mp.findroot(d, (lo, hi), solver='anderson')
    fold = mp.e**lnb(xs)*F_/r_
    alphaMax = F_/r_
    alpha = mp.mpf(f"{float(min(fold, alphaMax))*random.uniform(0.05, 0.95):.12g}")
    entry = {"R": str(R), "F": str(F), "Rij": str(r), "alpha": mp.nstr(alpha, 12), "lambda": mp.nstr(lam, 6), "eps": mp.nstr(e, 6), "foldAlpha": s50(fold)}
    for name, (AA, BB) in {"minD": (r_/(R_+F_), alpha*r_/(R_+F_)), "minR": (A, 0)}.items():
        w = mp.findroot(grad(AA, BB, e, lam), gd_start(AA, BB, e, lam))
        entry[name] = {"w1": s50(w[0]), "w2": s50(w[1])}
    beta = alpha*r_/F_
    g = lambda x: lnb(x) - mp.log(beta)
    xmin = mp.findroot(g, (xs, hi), solver='anderson')
    lo2 = xs - 1
    while g(lo2) > 0: lo2 -= 2*(xs - lo2)
    xsad = mp.findroot(g, (lo2, xs), solver='anderson')
    for name, x in (("minDA", xmin), ("saddleDA", xsad)):
        y = yof(x); w0 = ((x - e*y)/(1 - e*e), (y - e*x)/(1 - e*e))
        w = mp.findroot(grad(A, -beta, e, lam), w0)
        entry[name] = {"w1": s50(w[0]), "w2": s50(w[1])}
    # The paper's closed forms and bounds (Lemmas 6-10, App. H), written from the paper's formulas,
    # so theory/logistic2d.ts's lemma6/7/8, alphaDbeatsDA and alphaRbeatsD are pinned to them
    # (a loosened bound or a wrong threshold moves a value). No random draws below: the cases
    # above stay the same.
    D_ = R_ + F_
    W = lambda z: mp.lambertw(z).real
    W0 = lambda z: W(z) if z >= -mp.e**-1 else None
    s50n = lambda v: None if v is None else s50(v)
    b0 = r_/(lam*D_)
    xR = W(k*r_/(lam*R_))
    entry["lemma6"] = {"x": s50(xR), "y": s50(2*e/k*xR)}
    entry["lemma7"] = {"xLo": s50(W(b0*(k + 2*alpha*e))), "xHi": s50(2*e/k*W(alpha*k*b0) + W(k*b0)),
                       "yLo": s50(W(alpha*k*b0)), "yHi": s50(W(b0*(2*e + alpha*k)))}
    xArg = r_*k/(lam*R_) - 2*alpha*e*r_/(lam*F_)
    yArg = 2*e*r_/(lam*R_) - alpha*k*r_/(lam*F_)
    entry["lemma8"] = {"xArg": s50(xArg), "yArg": s50(yArg), "xHi": s50n(W0(xArg)), "yHi": s50n(W0(yArg))}
    entry["alphaDbeatsDA"] = {"fromX": s50(k/(2*e)*F_**2/(R_*(D_ + F_))), "fromY": s50(2*e/k*F_*D_/(R_*(D_ + F_)))}
    u = k/(2*e)*(xR - W(k*r_/(lam*D_)))
    v = 2*e/k*xR
    entry["alphaRbeatsD"] = {"alphaX": s50(lam*D_*u*mp.e**u/(k*r_)), "alphaY": s50((lam*D_*v*mp.e**v/r_ - 2*e)/k)}
    out.append(entry)
print(json.dumps({"generator": "scripts/gen-logistic2d-vectors.py", "mpmath": mp.__version__, "dps": 70, "cases": out}, indent=1))
