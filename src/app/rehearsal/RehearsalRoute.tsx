/**
 * Shows the rehearsal page when the address ends in REHEARSAL_HASH, else the app's own page. The
 * rehearsal's code, worker and face model load only then (a lazy chunk); leaving it unmounts it, which
 * ends its session: every track stopped, the recording discarded.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { REHEARSAL_HASH } from './text.ts';

const RehearsalPage = lazy(() => import('./RehearsalPage.tsx'));

export function RehearsalRoute({ children }: { children: ReactNode }) {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  if (hash !== REHEARSAL_HASH) return children;
  return (
    <Suspense fallback={null}>
      <RehearsalPage />
    </Suspense>
  );
}
