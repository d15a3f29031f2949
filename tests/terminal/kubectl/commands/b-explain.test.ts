// kubectl explain: the template's walk over a small document, word wrapping, and whole outputs captured
// from the real kubectl v1.32 against the same served schemas.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExplain } from '../../../../src/terminal/kubectl/commands/explain-template';
import { wrapString } from '../../../../src/terminal/kubectl/commands/wordwrap';
import { harness } from './harness';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const GVK = { group: 'demo.io', version: 'v1', kind: 'Gadget' };
const DOC = {
  paths: {
    '/apis/demo.io/v1/namespaces/{namespace}/gadgets/{name}': { get: { 'x-kubernetes-group-version-kind': GVK } },
  },
  components: {
    schemas: {
      'io.demo.v1.Gadget': {
        description: 'Gadget is a demo object.',
        type: 'object',
        required: ['spec'],
        'x-kubernetes-group-version-kind': [GVK],
        properties: {
          spec: { allOf: [{ $ref: '#/components/schemas/io.demo.v1.Spec' }], description: 'The wanted state.' },
          labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels.' },
        },
      },
      'io.demo.v1.Spec': {
        description: 'Spec of a gadget.',
        type: 'object',
        properties: {
          mode: { type: 'string', enum: ['', 'A', 'B', 'C', 'D', 'E'], description: 'How it runs.' },
          parts: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/io.demo.v1.Spec' }] } },
          size: { allOf: [{ $ref: '#/components/schemas/io.demo.v1.Size' }] },
        },
      },
      'io.demo.v1.Size': { oneOf: [{ type: 'integer' }, { type: 'string' }] },
    },
  },
};
const GVR = { group: 'demo.io', version: 'v1', resource: 'gadgets' };

describe('explain template', () => {
  it('prints the resource with its fields, types, enums and -required-', () => {
    const r = renderExplain(DOC, GVR, [], false);
    expect(r.error).toBeUndefined();
    expect(r.out).toBe(
      'GROUP:      demo.io\nKIND:       Gadget\nVERSION:    v1\n\nDESCRIPTION:\n    Gadget is a demo object.\n    \nFIELDS:\n' +
        '  labels\t<map[string]string>\n    Labels.\n\n  spec\t<Spec> -required-\n    The wanted state.\n\n\n',
    );
  });

  it('follows a field path through $ref, allOf and items, with the long enum view', () => {
    const r = renderExplain(DOC, GVR, ['spec', 'mode'], false);
    expect(r.out).toBe('GROUP:      demo.io\nKIND:       Gadget\nVERSION:    v1\n\nFIELD: mode <string>\nENUM:\n    ""\n    A\n    B\n    C\n    D\n    E\n\nDESCRIPTION:\n    How it runs.\n    \n\n');
    expect(renderExplain(DOC, GVR, ['spec', 'parts', 'size'], false).out).toContain('FIELD: size <Size>\n');
  });

  it('stops at a reference already being expanded in --recursive, and shortens enums to four', () => {
    const r = renderExplain(DOC, GVR, ['spec'], true);
    expect(r.out).toBe(
      'GROUP:      demo.io\nKIND:       Gadget\nVERSION:    v1\n\nFIELD: spec <Spec>\n\n\nDESCRIPTION:\n    The wanted state.\n    Spec of a gadget.\n    \nFIELDS:\n' +
        '  mode\t<string>\n  enum: "", A, B, C, ....\n  parts\t<[]Spec>\n  size\t<Size>\n\n',
    );
  });

  it.each([
    [['nope'], 'error: field "nope" does not exist'],
    [['spec', 'mode', 'deeper'], 'error: field "deeper" does not exist'],
  ])('%j → %s, after the header', (path, error) => {
    const r = renderExplain(DOC, GVR, path, false);
    expect(r).toEqual({ out: 'GROUP:      demo.io\nKIND:       Gadget\nVERSION:    v1\n\n', error });
  });

  it('reports a resource the document does not have', () => {
    expect(renderExplain(DOC, { ...GVR, resource: 'widgets' }, [], false)).toEqual({ out: '', error: 'error: GVR (demo.io/v1, Resource=widgets) not found in OpenAPI schema' });
  });
});

describe('wrapString (go-wordwrap)', () => {
  it.each([
    ['a b c', 3, 'a b\nc'],
    ['Pod is a collection of containers', 10, 'Pod is a\ncollection\nof\ncontainers'],
    ['averyveryverylongword fits', 8, 'averyveryverylongword\nfits'],
    ['line one\nline two', 76, 'line one\nline two'],
    ['trailing  ', 76, 'trailing  '],
    ['x\n', 76, 'x\n'],
  ])('%j at %d', (text, limit, want) => {
    expect(wrapString(text, limit)).toBe(want);
  });
});

describe('kubectl explain against the cluster (outputs of the real kubectl 1.32)', () => {
  it.each([
    ['kubectl explain pods.spec.restartPolicy', 'b-explain-restartPolicy.txt'],
    ['kubectl explain deploy.spec.strategy --recursive', 'b-explain-strategy.txt'],
    ['kubectl explain po.spec.containers.ports', 'b-explain-ports.txt'],
  ])('%s', async (cmd, file) => {
    const h = harness();
    expect(await h.run(cmd)).toEqual({ out: fixture(file), code: 0 });
  });

  it.each([
    ['kubectl explain pods.foo', 'KIND:       Pod\nVERSION:    v1\n\nerror: field "foo" does not exist\n'],
    ['kubectl explain gizmos', 'the server doesn\'t have a resource type "gizmos"\n'],
    ['kubectl explain', 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ['kubectl explain a b', 'error: We accept only this format: explain RESOURCE\n'],
    ['kubectl explain pods --api-version=v2', 'error: couldn\'t find resource for "/v2, Resource=pods"\n'],
    ['kubectl explain pods --api-version=apps/v1', 'error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n'],
    ['kubectl explain pods --api-version=a/b/c', 'error: unexpected GroupVersion string: a/b/c\n'],
    ['kubectl explain pods -o yaml', 'error: unrecognized format: yaml\n'],
    ["kubectl explain 'pods[0]'", 'error: invalid jsonpath syntax, first node must be field node\n'],
  ])('%s', async (cmd, out) => {
    const h = harness();
    expect(await h.run(cmd)).toEqual({ out, code: 1 });
  });
});
