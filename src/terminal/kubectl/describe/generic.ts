// The describer kubectl uses for kinds it has no specific one for: every field, then the events.

import type { Describer } from './types';
import { describeGeneric } from '../printers/index';
import { fetchEvents } from './events';

export const genericDescriber: Describer = async (ctx, obj) => {
  const events = ctx.settings.showEvents ? await fetchEvents(ctx, obj) : undefined;
  return describeGeneric(obj as never, events, ctx.now);
};
