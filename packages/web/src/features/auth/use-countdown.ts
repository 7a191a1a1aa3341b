import { useEffect, useState } from 'react';

/** Whole seconds left until `deadlineMs` (epoch ms), ticking once a second; 0 when none or past. */
export function useCountdown(deadlineMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadlineMs === null) {
      return undefined;
    }
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadlineMs]);
  if (deadlineMs === null) {
    return 0;
  }
  return Math.max(0, Math.ceil((deadlineMs - now) / 1000));
}

/** Formats seconds as m:ss (e.g. 125 → "2:05"). */
export function formatMinutesSeconds(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
