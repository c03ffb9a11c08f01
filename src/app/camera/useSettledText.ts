/**
 * What a polite live region should say about text that changes many times a second: the text once it
 * has stayed the same for `settleMs`, so a screen reader hears each instruction that lasts, once, and
 * not every flicker between frames.
 */
import { useEffect, useState } from 'react';

export function useSettledText(text: string, settleMs: number): string {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), settleMs);
    return () => clearTimeout(timer);
  }, [text, settleMs]);
  return settled;
}
