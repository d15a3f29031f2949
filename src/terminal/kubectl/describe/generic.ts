// The describer kubectl uses for kinds it has no specific one for: every field, then the events.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (genericDescriber)

import type { Describer } from './types';
import { describeGeneric } from '../printers/index';
import { groupVersionOf } from '../discovery';
import { fetchEvents } from './events';

export const genericDescriber: Describer = async (ctx, obj) => {
  // kubectl re-reads the object, so list items (which carry no apiVersion/kind) still show both.
  const full = obj.apiVersion && obj.kind ? obj : { ...obj, apiVersion: obj.apiVersion || groupVersionOf(ctx.info), kind: obj.kind || ctx.info.kind };
  const events = await fetchEvents(ctx, full);
  return describeGeneric(full as never, events, ctx.now);
};
