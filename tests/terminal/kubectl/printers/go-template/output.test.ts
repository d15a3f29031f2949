// -o go-template / go-template-file / template / templatefile and --template through output.ts, with the
// texts kubectl v1.32 prints (recorded with `kubectl create configmap x --dry-run=client …` and, for lists,
// `kubectl get` against a fake API server).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../../src/engine/api/types';
import type { FileStat, FileSystem } from '../../../../../src/engine/runtime/sh/fs';
import { KubectlError } from '../../../../../src/terminal/kubectl/errors';
import { OutputError, formatObjects, outputOptionsFrom, parseOutput, type OutputOptions } from '../../../../../src/terminal/kubectl/output';

const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', resourceVersion: '5' }, data: { k: 'v' } }) as KubeObject;

/** The two calls the printer makes on a file system (stat, readFile) over fixed files and directories. */
function fsWith(files: Record<string, string>): FileSystem {
  const dirs = new Set(['/', '/home', '/home/user']);
  const stat = (type: 'file' | 'dir'): FileStat => ({ type, mode: 0o644, size: 0, mtime: 0, nlink: 1, readOnly: false });
  const fs: Pick<FileSystem, 'stat' | 'readFile'> = {
    stat: (p) => (dirs.has(p) ? stat('dir') : p in files ? stat('file') : null),
    readFile: (p) => files[p],
  };
  return fs as FileSystem;
}

/** What kubectl prints: stdout, then `error: …` on stderr. */
function run(o: string | undefined, opts: OutputOptions, objs: KubeObject[], single: boolean): { out: string; err: string } {
  try {
    const fmt = parseOutput(o, true, opts);
    return { out: formatObjects(objs, fmt, single, opts.fs, opts.cwd), err: '' };
  } catch (e) {
    if (e instanceof OutputError) return { out: e.stdout, err: e.message };
    if (e instanceof KubectlError) return { out: '', err: e.message };
    throw e;
  }
}

const FILES = { '/home/user/t.tmpl': '{{.metadata.name}} from file{{"\\n"}}\n', '/home/user/bad.t': '{{.x' };
const fs = fsWith(FILES);
const withFs: OutputOptions = { fs, cwd: '/home/user' };

describe('go-template output formats', () => {
  it.each([
    ['go-template=', {}, { out: '', err: 'error: template format specified but no template given' }],
    ['go-template', {}, { out: '', err: 'error: template format specified but no template given' }],
    ['go-template-file', {}, { out: '', err: 'error: template format specified but no template given' }],
    ['go-template={{.kind}}', {}, { out: 'ConfigMap', err: '' }],
    ['template={{.kind}}', {}, { out: 'ConfigMap', err: '' }],
    [undefined, { template: '{{.kind}}' }, { out: 'ConfigMap', err: '' }],
    ['go-template', { template: '{{.kind}}' }, { out: 'ConfigMap', err: '' }],
    ['template', { template: 't.tmpl' }, { out: 't.tmpl', err: '' }],
    ['yaml', { template: '{{.kind}}' }, { out: 'apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n  resourceVersion: "5"\n', err: '' }],
    ['templatefile=t.tmpl', withFs, { out: 'a from file\n\n', err: '' }],
    ['go-template-file=t.tmpl', withFs, { out: 'a from file\n\n', err: '' }],
    ['go-template-file=/home/user/t.tmpl', withFs, { out: 'a from file\n\n', err: '' }],
    ['templatefile', { ...withFs, template: 't.tmpl' }, { out: 'a from file\n\n', err: '' }],
    ['go-template-file=nofile.t', withFs, { out: '', err: 'error: error reading --template nofile.t, open nofile.t: no such file or directory' }],
    ['go-template-file=/home', withFs, { out: '', err: 'error: error reading --template /home, read /home: is a directory' }],
    ['templatefile=bad.t', withFs, { out: '', err: 'error: error parsing template {{.x, template: output:1: unclosed action' }],
    ['go-template={{.x,', {}, { out: '', err: 'error: error parsing template {{.x,, template: output:1: unexpected "," in operand' }],
    [
      'go-template={{.a}}',
      { template: '{{.kind}}' },
      {
        out: '',
        err: 'error: unable to match a printer suitable for the output format "go-template={{.a}}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
      },
    ],
    ['go-template={{.nokey}}', { allowMissingTemplateKeys: true }, { out: '<no value>', err: '' }],
  ] as [string | undefined, OutputOptions, { out: string; err: string }][])('-o %s %o', (o, opts, want) => {
    expect(run(o, opts, [cm('a')], true)).toEqual(want);
  });

  it('reads a template file when printing when no file system was given at parse time', () => {
    const fmt = parseOutput('go-template-file=t.tmpl', false);
    expect(fmt.kind).toBe('go-template-file');
    expect(formatObjects([cm('b')], fmt, true, fs, '/home/user')).toBe('b from file\n\n');
    expect(() => formatObjects([cm('b')], fmt, true)).toThrow('error: error reading --template t.tmpl, open t.tmpl: no such file or directory');
  });

  it('sees a List for several objects (or a list request) and the object for a single one', () => {
    const t = '{{.kind}} {{.apiVersion}} {{.metadata}} {{len .items}}{{"\\n"}}';
    expect(run(`go-template=${t}`, {}, [cm('a'), cm('b')], false).out).toBe('List v1 map[resourceVersion:] 2\n');
    expect(run(`go-template=${t}`, {}, [], false).out).toBe('List v1 map[resourceVersion:] 0\n');
    expect(run('go-template={{.kind}} {{.metadata.name}}', {}, [cm('a')], true).out).toBe('ConfigMap a');
    expect(run('go-template={{range .items}}{{.metadata.name}} {{end}}', {}, [cm('a'), cm('b')], false).out).toBe('a b ');
  });

  it('prints the debugging dump on stdout and the error on stderr when execution fails', () => {
    const t = '{{range .items}}{{.metadata.name}}{{.x.y}}{{end}}{{.items.x}}';
    expect(run(`go-template=${t}`, {}, [cm('a'), cm('b')], false)).toEqual({
      out:
        'a<no value>b<no value>Error executing template: template: output:1:57: executing "output" at <.items.x>: can\'t evaluate field x in type interface {}. Printing more information for debugging the template:\n' +
        `\ttemplate was:\n\t\t${t}\n` +
        '\traw data was:\n\t\t{"apiVersion":"v1","items":[{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"name":"a","namespace":"default","resourceVersion":"5"}},{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"name":"b","namespace":"default","resourceVersion":"5"}}],"kind":"List","metadata":{"resourceVersion":""}}\n' +
        '\tobject given to template engine was:\n\t\tmap[apiVersion:v1 items:[map[apiVersion:v1 data:map[k:v] kind:ConfigMap metadata:map[name:a namespace:default resourceVersion:5]] map[apiVersion:v1 data:map[k:v] kind:ConfigMap metadata:map[name:b namespace:default resourceVersion:5]]] kind:List metadata:map[resourceVersion:]]\n\n',
      err: 'error: error executing template "{{range .items}}{{.metadata.name}}{{.x.y}}{{end}}{{.items.x}}": template: output:1:57: executing "output" at <.items.x>: can\'t evaluate field x in type interface {}',
    });
  });

  it('makes a missing key an error with --allow-missing-template-keys=false', () => {
    const r = run('go-template={{.metadata.nokey.x}}', { allowMissingTemplateKeys: false }, [cm('a')], true);
    expect(r.err).toBe('error: error executing template "{{.metadata.nokey.x}}": template: output:1:11: executing "output" at <.metadata.nokey.x>: map has no entry for key "nokey"');
    expect(r.out.startsWith('Error executing template: template: output:1:11:')).toBe(true);
  });

  it('rejects the other formats as before', () => {
    expect(run('go-templat={{.x}}', {}, [cm('a')], true).err).toMatch(/^error: unable to match a printer suitable for the output format "go-templat=\{\{\.x\}\}"/);
    expect(parseOutput(undefined, true)).toEqual({ kind: 'table' });
  });
});

describe('outputOptionsFrom', () => {
  it('takes --template and --allow-missing-template-keys from the flag values', () => {
    const env = { fs, cwd: '/home/user' };
    expect(outputOptionsFrom({ template: '{{.kind}}', 'allow-missing-template-keys': false, output: '' }, env)).toEqual({ template: '{{.kind}}', allowMissingTemplateKeys: false, fs, cwd: '/home/user' });
    expect(outputOptionsFrom({})).toEqual({ template: undefined, allowMissingTemplateKeys: undefined, fs: undefined, cwd: undefined });
    const fmt = parseOutput('', false, outputOptionsFrom({ template: '{{.metadata.name}}' }, env));
    expect(formatObjects([cm('z')], fmt, true)).toBe('z');
  });
});
