#!/usr/bin/env python3
"""Reference tails and bounds for L1.hoeffding (properties/L1.hoeffding.test.ts): exact rational arithmetic.

P(|K/n - p| >= eps) for K ~ Bin(n, p) and K ~ Hypergeom(N, M, n), summed as Python Fractions
(math.comb big integers), with the event decided on Fractions too, then printed to 45 significant
digits with mpmath. Independent of the decimal.js recurrence it checks. The bound 2*exp(-2*n*eps^2) of
Lemma 1 at 45 digits (mpmath, eps as an exact fraction), and, for the worst-case population p = 1/2
at large t = eps*sqrt(n), the exponent ratio ln(2/tail)/(n*eps^2), which tends to 2 (the bound's
constant is the best one: Mills' ratio gives 2 + ln(2t*sqrt(2*pi))/t^2 + o(1/t^2)). Run:
    python3 scripts/gen-hoeffding-vectors.py > tests/vectors/hoeffding.json
"""
import json
from fractions import Fraction
from math import comb

import mpmath

mpmath.mp.dps = 60


def digits(fr: Fraction) -> str:
    return mpmath.nstr(mpmath.mpf(fr.numerator) / fr.denominator, 45, strip_zeros=False)


def binomial_tail(n: int, p: Fraction, eps: Fraction) -> Fraction:
    q = 1 - p
    return sum((comb(n, k) * p**k * q ** (n - k) for k in range(n + 1) if abs(Fraction(k, n) - p) >= eps), Fraction(0))


def hyper_tail(N: int, M: int, n: int, eps: Fraction) -> Fraction:
    p = Fraction(M, N)
    total = comb(N, n)
    lo, hi = max(0, n - (N - M)), min(n, M)
    return sum((Fraction(comb(M, k) * comb(N - M, n - k), total) for k in range(lo, hi + 1) if abs(Fraction(k, n) - p) >= eps), Fraction(0))


binomial = []
for n, p, eps in [(10, '1/2', '0.2'), (10, '0.65', '0.05'), (3, '1/3', '0.3'), (100, '1/2', '0.1'), (100, '0.7', '0.05'),
                  (1000, '0.9', '0.01'), (1000, '1/2', '0.05'), (2000, '0.99', '0.01'), (10000, '1/2', '0.01'), (10000, '0.7', '0.01')]:
    t = binomial_tail(n, Fraction(p), Fraction(eps))
    binomial.append({'n': n, 'p': p, 'eps': eps, 'tail': digits(t)})
hyper = []
for N, M, n, eps in [(50, 25, 10, '0.2'), (1000, 700, 100, '0.05'), (2000, 1000, 500, '0.02'), (50000, 35000, 1000, '0.01'), (7, 3, 7, '0.1')]:
    t = hyper_tail(N, M, n, Fraction(eps))
    hyper.append({'N': N, 'M': M, 'n': n, 'eps': eps, 'tail': digits(t)})
bounds = []
for n, eps in [(1, '0.5'), (10, '0.2'), (100, '0.1'), (1000, '0.05'), (1000, '0.01'), (10000, '0.01'), (10000, '0.06'), (2500, '0.1'), (37, '0.123')]:
    e = mpmath.mpf(Fraction(eps).numerator) / Fraction(eps).denominator
    bounds.append({'n': n, 'eps': eps, 'bound': mpmath.nstr(2 * mpmath.exp(-2 * n * e * e), 45, strip_zeros=False)})
exponents = []
for n, eps in [(2500, '0.1'), (10000, '0.06'), (10000, '0.08')]:
    t = binomial_tail(n, Fraction(1, 2), Fraction(eps))
    e = mpmath.mpf(Fraction(eps).numerator) / Fraction(eps).denominator
    rho = mpmath.log(2 / (mpmath.mpf(t.numerator) / t.denominator)) / (n * e * e)
    exponents.append({'n': n, 'p': '1/2', 'eps': eps, 'tail': digits(t), 'rho': mpmath.nstr(rho, 30)})
print(json.dumps({'generator': 'scripts/gen-hoeffding-vectors.py (Python Fractions, mpmath printing)', 'binomial': binomial, 'hypergeometric': hyper, 'bounds': bounds, 'exponents': exponents}, indent=1))
