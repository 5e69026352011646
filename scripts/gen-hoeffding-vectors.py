#!/usr/bin/env python3
"""Reference tails for L1.hoeffding (properties/hoeffding.test.ts): exact rational arithmetic.

P(|K/n - p| >= eps) for K ~ Bin(n, p) and K ~ Hypergeom(N, M, n), summed as Python Fractions
(math.comb big integers), with the event decided on Fractions too, then printed to 45 significant
digits with mpmath. Independent of the decimal.js recurrence it checks. Run:
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
print(json.dumps({'generator': 'scripts/gen-hoeffding-vectors.py (Python Fractions, mpmath printing)', 'binomial': binomial, 'hypergeometric': hyper}, indent=1))
