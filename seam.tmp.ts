import { continueDA, daFoldF64, withHessianSeam, solveDA, solveConvex, NonConvergenceError } from './theory/logistic2d.ts';
const s = { R: '1000', F: '200', Rij: '100', lambda: '0.01', eps: '0.5' };
const fold = daFoldF64(s);
console.log('fold', fold, continueDA(s,[fold.alpha*0.5, fold.alpha*0.99]).steps);
for (const seam of [{h12:1.5},{h12:-1},{h11:1.2},{h22:0.7}]) {
  for (const [name,f] of [['cont',()=>continueDA(s,[fold.alpha*0.9])],['solveDA',()=>solveDA({...s,alpha:String(fold.alpha*0.5)},50)],['convex',()=>solveConvex('D',{...s,alpha:'0.5'},50)]] as const) {
    const t=Date.now(); try { withHessianSeam(seam, f as any); console.log(JSON.stringify(seam),name,'NO THROW', Date.now()-t);} catch(e){ console.log(JSON.stringify(seam),name,(e as Error).name, (e as Error).message.slice(0,90), Date.now()-t);}
  }
}
