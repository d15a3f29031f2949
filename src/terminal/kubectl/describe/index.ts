// Describers by kind (`group/Kind`); kinds without one use the generic describer like kubectl does for CRs.

import type { Describer } from './types';
import { genericDescriber } from './generic';

export const DESCRIBERS: Record<string, Describer> = {};

export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? genericDescriber;
}
