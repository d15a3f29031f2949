// describe's PrefixWriter and shared helpers (cases mirrored from kubectl's describe_test.go).
import { describe, expect, it } from 'vitest';
import { describeEvents } from '../../../../src/terminal/kubectl/printers/describe-events';
import {
  LEVEL_0, LEVEL_1, LEVEL_2, describeString, newNestedPrefixWriter, newPrefixWriter, printAnnotationsMultiline, printLabelsMultiline,
  printPodsMultiline, printTaintsMultiline, printTolerationsMultiline, printUnstructuredContent, shorten, smartLabelFor, taintToString, type PrefixWriter,
} from '../../../../src/terminal/kubectl/printers/prefix-writer';
import { StringWriter } from '../../../../src/terminal/kubectl/printers/tabwriter';

function raw(fn: (w: PrefixWriter) => void): string {
  const out = new StringWriter();
  fn(newPrefixWriter(out));
  return out.toString();
}

describe('PrefixWriter', () => {
  it('indents two spaces per level and escapes terminal characters', () => {
    expect(raw((w) => {
      w.write(LEVEL_0, 'Name:\tweb\n');
      w.write(LEVEL_2, 'deep\n');
      w.writeLine('a', 1, true);
      w.write(LEVEL_1, 'esc \x1b[0m and \r\n');
    })).toBe('Name:\tweb\n    deep\na 1 true\n  esc ^[[0m and \\r\n');
  });

  it('a nested writer shifts levels', () => {
    expect(raw((w) => {
      const n = newNestedPrefixWriter(w, 2);
      n.write(LEVEL_0, 'x\n');
      n.writeLine('y');
    })).toBe('    x\n    y\n');
  });
});

describe('printAnnotationsMultiline (describe_test.go TestPrintLabelsMultiline)', () => {
  const key = 'MaxLenAnnotation';
  const value = 'a'.repeat(140 - key.length - 2);
  it.each([
    [{ col1: 'asd', COL2: 'zxc' }, 'Annotations:\tCOL2: zxc\n\tcol1: asd\n'],
    [{ [key]: value }, `Annotations:\t${key}: ${value}\n`],
    [{ [key]: value + '1' }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [{ [key]: value + value }, `Annotations:\t${key}:\n\t  ${'a'.repeat(138)}...\n`],
    [{ key: 'value\nwith\nnewlines\n' }, 'Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n'],
    [{}, 'Annotations:\t<none>\n'],
    [{ 'kubectl.kubernetes.io/last-applied-configuration': '{}' }, 'Annotations:\t<none>\n'],
    [{ 'kubectl.kubernetes.io/last-applied-configuration': '{}', b: '2', a: '1' }, 'Annotations:\ta: 1\n\tb: 2\n'],
  ])('%j', (annotations, expected) => expect(raw((w) => printAnnotationsMultiline(w, 'Annotations', annotations))).toBe(expected));
});

describe('printLabelsMultiline', () => {
  it.each([
    [{ app: 'web' }, {}, 'Labels:\tapp=web\n'],
    [{ tier: 'fe', app: 'web' }, {}, 'Labels:\tapp=web\n\ttier=fe\n'],
    [{}, {}, 'Labels:\t<none>\n'],
    [null, {}, 'Labels:\t<none>\n'],
    [{ a: '1', b: '2' }, { skip: new Set(['a', 'b']) }, 'Labels:\t<none>\n'],
    [{ a: '1', b: '2' }, { initialIndent: '  ', innerIndent: '  ' }, '  Labels:  a=1\n    b=2\n'],
  ])('%j %j', (labels, opts, expected) => expect(raw((w) => printLabelsMultiline(w, 'Labels', labels, opts))).toBe(expected));

  it('aligns through the describe tabwriter', () => {
    expect(describeString((w) => {
      w.write(LEVEL_0, 'Name:\tweb\n');
      printLabelsMultiline(w, 'Labels', { app: 'web', 'pod-template-hash': 'abc' });
    })).toBe('Name:    web\nLabels:  app=web\n         pod-template-hash=abc\n');
  });
});

describe('taints and tolerations', () => {
  it('prints taints sorted by effect then key', () => {
    expect(raw((w) => printTaintsMultiline(w, 'Taints', [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]))).toBe('Taints:\tdedicated=gpu:NoExecute\n\tnode-role.kubernetes.io/control-plane:NoSchedule\n\tnode.kubernetes.io/unreachable:NoSchedule\n');
    expect(raw((w) => printTaintsMultiline(w, 'Taints', []))).toBe('Taints:\t<none>\n');
    expect(taintToString({ key: 'k', effect: 'NoSchedule' })).toBe('k:NoSchedule');
  });

  it('prints tolerations as describe_test.go expects', () => {
    const out = raw((w) => printTolerationsMultiline(w, 'Tolerations', [
      { operator: 'Exists' },
      { effect: 'NoSchedule', operator: 'Exists' },
      { key: 'key0', operator: 'Exists' },
      { key: 'key1', value: 'value1' },
      { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
      { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
    ]));
    expect(out).toBe('Tolerations:\top=Exists\n\t:NoSchedule op=Exists\n\tkey0 op=Exists\n\tkey1=value1\n\tkey2=value2:NoSchedule\n\tkey3=value3:NoExecute for 300s\n\tkey4:NoExecute for 60s\n');
  });

  it('prints the default pod tolerations', () => {
    expect(raw((w) => printTolerationsMultiline(w, 'Tolerations', [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]))).toBe('Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  });

  it('pods multiline', () => {
    expect(raw((w) => printPodsMultiline(w, 'Pods', ['b', 'a']))).toBe('Pods:\ta\n\tb\n');
    expect(raw((w) => printPodsMultiline(w, 'Pods', []))).toBe('Pods:\t<none>\n');
  });
});

describe('generic content', () => {
  it.each([
    ['podIP', 'Pod IP'], ['apiVersion', 'API Version'], ['url', 'URL'], ['uid', 'UID'], ['dummyDummy', 'Dummy Dummy'], ['dummy-dummy', 'Dummy - Dummy'],
    ['dummy2', 'dummy2'], ['dummy/dummy', 'dummy/dummy'], ['HTTPServer', 'HTTP Server'], ['resourceVersion', 'Resource Version'], ['sp key', 'sp key'],
  ])('smartLabelFor(%j) = %j', (field, label) => expect(smartLabelFor(field)).toBe(label));

  it('printUnstructuredContent (describe_test.go TestDescribeUnstructuredContent)', () => {
    const out = raw((w) => printUnstructuredContent(w, LEVEL_0, {
      apiVersion: 'v1', kind: 'Test', dummyDummy: 'present', 'dummy/dummy': 'present', 'dummy-dummy@dummy': 'present', 'dummy-dummy': 'present',
      dummy1: 'present', dummy2: 'present',
      metadata: { name: 'MyName', namespace: 'MyNamespace', creationTimestamp: '2017-04-01T00:00:00Z', resourceVersion: 123, uid: '00000000-0000-0000-0000-000000000001', dummy3: 'present' },
      items: [{ itemBool: true, itemInt: 42 }], url: 'http://localhost', status: 'ok',
    }, '', ['.dummy1', '.metadata.dummy3']));
    expect(out).toContain(
      'API Version:\tv1\nDummy - Dummy:\tpresent\ndummy-dummy@dummy:\tpresent\ndummy/dummy:\tpresent\ndummy2:\tpresent\nDummy Dummy:\tpresent\nItems:\n  Item Bool:\ttrue\n  Item Int:\t42\nKind:\tTest\nMetadata:\n  Creation Timestamp:\t2017-04-01T00:00:00Z\n  Name:\tMyName\n  Namespace:\tMyNamespace\n  Resource Version:\t123\n  UID:\t00000000-0000-0000-0000-000000000001\nStatus:\tok\nURL:\thttp://localhost\n',
    );
    expect(out).not.toContain('Dummy 1');
    expect(out).not.toContain('dummy3');
  });

  it('shorten cuts bytes', () => {
    expect(shorten('abcdef', 3)).toBe('abc...');
    expect(shorten('abc', 3)).toBe('abc');
  });
});

describe('describeEvents', () => {
  const now = Date.parse('2024-01-01T12:00:00Z');
  it('prints <none> without events', () => {
    expect(raw((w) => describeEvents([], w, now))).toBe('Events:\t<none>\n');
  });
  it('sorts by last timestamp and shows counts and series', () => {
    expect(describeString((w) => describeEvents([
      { type: 'Warning', reason: 'BackOff', message: ' Back-off restarting failed container ', count: 5, firstTimestamp: '2024-01-01T11:00:00Z', lastTimestamp: '2024-01-01T11:58:00Z', source: { component: 'kubelet' } },
      { type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web to worker-1', count: 1, firstTimestamp: '2024-01-01T11:00:00Z', lastTimestamp: '2024-01-01T11:00:00Z', source: { component: 'default-scheduler' } },
      { type: 'Normal', reason: 'Pulled', message: 'ok', eventTime: '2024-01-01T11:30:00.000000Z', series: { count: 3, lastObservedTime: '2024-01-01T11:59:30.000000Z' }, reportingComponent: 'kubelet' },
    ], w, now))).toBe(
      'Events:\n  Type     Reason     Age                From               Message\n  ----     ------     ----               ----               -------\n' +
        '  Normal   Pulled     30s (x3 over 30m)  kubelet            ok\n' +
        '  Normal   Scheduled  60m                default-scheduler  Successfully assigned default/web to worker-1\n' +
        '  Warning  BackOff    2m (x5 over 60m)   kubelet            Back-off restarting failed container\n',
    );
  });
});
