/** Force-field analysis (Lewin): totals per side and the balance. */
import type { ForceRecord } from '../model/board/actorSchema.ts';

export interface ForcesBalance {
  bevorderend: { count: number; total: number };
  belemmerend: { count: number; total: number };
  /** Driving minus restraining strength: above 0 the field pushes towards the goal. */
  balance: number;
  verdict: 'bevorderend' | 'belemmerend' | 'evenwicht';
}

export function forcesBalance(forces: readonly Pick<ForceRecord, 'side' | 'strength'>[]): ForcesBalance {
  const sum = (side: ForceRecord['side']) => {
    const own = forces.filter((f) => f.side === side);
    return { count: own.length, total: own.reduce((t, f) => t + f.strength, 0) };
  };
  const bevorderend = sum('bevorderend');
  const belemmerend = sum('belemmerend');
  const balance = bevorderend.total - belemmerend.total;
  return {
    bevorderend,
    belemmerend,
    balance,
    verdict: balance > 0 ? 'bevorderend' : balance < 0 ? 'belemmerend' : 'evenwicht',
  };
}
