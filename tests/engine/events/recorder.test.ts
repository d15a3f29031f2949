// The event recorder: names from unix nanoseconds (unique within one instant), repeats counted on one Event,
// more than 10 distinct messages for an object and reason combined.
import { describe, expect, it } from 'vitest';
import { EventRecorder } from '../../../src/engine/events/recorder';
import type { Client } from '../../../src/engine/controllers/client';
import type { Clock } from '../../../src/engine/clock/clock';
import type { KubeObject } from '../../../src/engine/api/types';

interface Ev {
  metadata: { name: string; namespace: string };
  count: number;
  message: string;
}

function setup() {
  const events = new Map<string, Ev>();
  const client = {
    createFresh(_r: string, o: KubeObject) {
      events.set(o.metadata!.name!, o as unknown as Ev);
      return o;
    },
    get(_r: string, _ns: string, name: string) {
      return events.get(name);
    },
    update(_r: string, o: KubeObject) {
      events.set(o.metadata!.name!, o as unknown as Ev);
      return o;
    },
  } as unknown as Client;
  const t = { now: 1735689600000 };
  const clock = { now: () => t.now } as unknown as Clock;
  return { rec: new EventRecorder(client, clock), events, t };
}

const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid: `uid-${name}` } });
const SRC = { component: 'kubelet', host: 'node-1' };

describe('EventRecorder', () => {
  it('names events <object>.<unix nanos in hex>, one nanosecond apart within an instant', () => {
    const { rec, events, t } = setup();
    const times = [t.now, t.now, t.now + 0.4, t.now + 1, 4294.967296, t.now + 1000];
    const names: string[] = [];
    let last = 0n;
    for (const [i, at] of times.entries()) {
      t.now = at;
      rec.event(SRC, pod(`p${i}`), 'Normal', 'Pulled', `m${i}`);
      let nano = BigInt(Math.floor(at)) * 1_000_000n;
      if (nano <= last) nano = last + 1n;
      last = nano;
      names.push(`p${i}.${nano.toString(16)}`);
    }
    expect([...events.keys()]).toEqual(names);
    expect(names[0]).toBe('p0.1816687ec0570000');
  });

  it('counts a repeat on the same event and keeps the latest message', () => {
    const { rec, events, t } = setup();
    rec.event(SRC, pod('a'), 'Warning', 'BackOff', 'Back-off restarting');
    t.now += 5000;
    rec.event(SRC, pod('a'), 'Warning', 'BackOff', 'Back-off restarting');
    rec.event(SRC, pod('b'), 'Warning', 'BackOff', 'Back-off restarting');
    const list = [...events.values()];
    expect(list.map((e) => [e.metadata.name.split('.')[0], e.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('combines more than 10 distinct messages for one object and reason', () => {
    const { rec, events } = setup();
    for (let i = 0; i < 12; i++) rec.event(SRC, pod('a'), 'Warning', 'Failed', `error ${i}`);
    const list = [...events.values()];
    expect(list).toHaveLength(11);
    expect(list[10].message).toBe('(combined from similar events): error 11');
    expect(list[10].count).toBe(2);
  });
});
