// Parser: quoting, here-documents, continuations, comments, compound commands, syntax errors,
// isComplete() and splitCommands().

import { describe, expect, it } from 'vitest';
import type { Command, CompoundCommand, SimpleCommand, Word } from '../../../../src/engine/runtime/sh/ast';
import { isComplete, splitCommands } from '../../../../src/engine/runtime/sh/complete';
import { ShellSyntaxError } from '../../../../src/engine/runtime/sh/errors';
import { parse, parseCached } from '../../../../src/engine/runtime/sh/parser';
import { harness } from './helpers';

function first(src: string): Command {
  return parse(src).body.items[0].first.commands[0];
}

function simple(src: string): SimpleCommand {
  const c = first(src);
  if (c.type !== 'simple') throw new Error(`not simple: ${c.type}`);
  return c;
}

function lits(words: readonly Word[]): (string | null)[] {
  return words.map((w) => w.literal);
}

describe('words and quoting', () => {
  it.each([
    [`echo 'a b' "c d" e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`echo 'it'"'"'s'`, ['echo', "it's"]],
    [`echo "a\\"b" "\\$x" "\\\\" "\\q"`, ['echo', 'a"b', '$x', '\\', '\\q']],
    [`echo $'a\\tb' $'\\x41'`, ['echo', 'a\tb', 'A']],
    [`echo a\\\nb`, ['echo', 'ab']],
    [`echo '#notcomment' a#b # comment`, ['echo', '#notcomment', 'a#b']],
    [`echo "" ''`, ['echo', '', '']],
  ])('%j', (src, expected) => {
    expect(lits(simple(src).words)).toEqual(expected);
  });

  it('marks words that need expansion as non-literal', () => {
    expect(lits(simple('echo $x "${y}" `z` $(w) $((1)) ~ *.txt {a,b}').words)).toEqual(['echo', null, null, null, null, null, null, null, null]);
  });

  it('parses parameter operators', () => {
    const w = simple('echo ${x:-"a b"} ${#y} ${z%%.*} ${v/a/b}').words;
    expect(w[1].parts[0]).toMatchObject({ type: 'param', name: 'x', op: ':-' });
    expect(w[2].parts[0]).toMatchObject({ type: 'param', name: 'y', op: 'len' });
    expect(w[3].parts[0]).toMatchObject({ type: 'param', name: 'z', op: '%%' });
    expect(w[4].parts[0]).toMatchObject({ type: 'param', name: 'v', op: '/', arg2: { raw: 'b' } });
  });

  it('splits assignments from words', () => {
    const c = simple('A=1 B="x y" cmd C=3');
    expect(c.assigns.map((a) => [a.name, a.value.literal])).toEqual([['A', '1'], ['B', 'x y']]);
    expect(lits(c.words)).toEqual(['cmd', 'C=3']);
  });

  it('parses redirections with descriptors', () => {
    const r = simple('cmd >out 2>&1 <in 2>>log &>all 3>x >&2').redirects;
    expect(r.map((x) => [x.fd, x.op, x.target.literal])).toEqual([
      [null, '>', 'out'], [2, '>&', '1'], [null, '<', 'in'], [2, '>>', 'log'], [null, '&>', 'all'], [3, '>', 'x'], [null, '>&', '2'],
    ]);
  });
});

describe('here-documents', () => {
  it.each([
    ['<<EOF', 'cat <<EOF\nhello $USER\nEOF\n', false, 'hello $USER\n'],
    ["<<'EOF'", "cat <<'EOF'\nhello $USER\nEOF\n", true, 'hello $USER\n'],
    ['<<"EOF"', 'cat <<"EOF"\nhello $USER\nEOF\n', true, 'hello $USER\n'],
    ['<<-EOF', 'cat <<-EOF\n\thello\n\t\tworld\n\tEOF\n', false, 'hello\nworld\n'],
    ['<<END_OF_DATA', 'cat <<END_OF_DATA\nx\nEND_OF_DATA\n', false, 'x\n'],
    ['<<\\EOF', 'cat <<\\EOF\n$x\nEOF\n', true, '$x\n'],
  ])('%s', (_n, src, quoted, raw) => {
    const h = simple(src).redirects[0].heredoc!;
    expect(h.quoted).toBe(quoted);
    expect(h.body.raw).toBe(raw);
  });

  it('reads bodies of several here-documents in order, then continues', () => {
    const s = parse('cat <<A <<B; echo after\na1\nA\nb1\nB\necho next\n');
    const r = (s.body.items[0].first.commands[0] as SimpleCommand).redirects;
    expect(r.map((x) => x.heredoc!.body.raw)).toEqual(['a1\n', 'b1\n']);
    expect(s.body.items.map((i) => i.source)).toEqual(['cat <<A <<B', 'echo after', 'echo next']);
  });

  it('expands unquoted bodies and keeps quoted ones', async () => {
    const h = harness();
    expect((await h.run('X=1; cat <<EOF\nx=$X $((2+3)) \\$X "q"\nEOF')).stdout).toBe('x=1 5 $X "q"\n');
    expect((await h.run("X=1; cat <<'EOF'\nx=$X\nEOF")).stdout).toBe('x=$X\n');
    expect((await h.run('cat <<-EOF\n\t\tindented $((1))\n\tEOF')).stdout).toBe('indented 1\n');
  });

  it('warns when the delimiter never comes', async () => {
    const h = harness();
    const r = await h.run('cat <<EOF\nunterminated');
    expect(r.stdout).toBe('unterminated\n');
    expect(r.stderr).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
  });
});

describe('compound commands', () => {
  it.each([
    ['if a; then b; elif c; then d; else e; fi', 'if'],
    ['while a; do b; done', 'while'],
    ['until a; do b; done', 'until'],
    ['for x in 1 2; do b; done', 'for'],
    ['for ((i=0;i<2;i++)); do b; done', 'arithfor'],
    ['case x in a|b) y;; *) z;; esac', 'case'],
    ['( a; b )', 'subshell'],
    ['{ a; b; }', 'group'],
    ['[[ -n $x && $y == z* ]]', 'cond'],
    ['(( x > 1 ))', 'arithcmd'],
    ['f() { a; }', 'function'],
    ['function g { a; }', 'function'],
  ])('%s', (src, type) => {
    expect(first(src).type).toBe(type);
  });

  it('spreads compound commands over lines', () => {
    const c = first('if true\nthen\n  echo a\nelse\n  echo b\nfi > out');
    expect(c.type).toBe('if');
    expect((c as CompoundCommand).redirects).toHaveLength(1);
  });

  it('keeps reserved words literal outside command position', () => {
    expect(lits(simple('echo if then fi done }').words)).toEqual(['echo', 'if', 'then', 'fi', 'done', '}']);
  });

  it('parses pipelines, negation, and-or lists and background jobs', () => {
    const s = parse('! a | b |& c && d || e & f');
    const [x, y] = s.body.items;
    expect(x.first.negated).toBe(true);
    expect(x.first.commands).toHaveLength(3);
    expect(x.first.stderrToo).toEqual([false, true]);
    expect(x.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(x.background).toBe(true);
    expect(y.background).toBe(false);
  });
});

describe('syntax errors', () => {
  it.each([
    ['fi', "bash: syntax error near unexpected token `fi'\n", 'sh: syntax error: unexpected "fi"\n'],
    ['echo )', "bash: syntax error near unexpected token `)'\n", 'sh: syntax error: unexpected ")"\n'],
    ['; ls', "bash: syntax error near unexpected token `;'\n", 'sh: syntax error: unexpected ";"\n'],
    ['echo >', "bash: syntax error near unexpected token `newline'\n", 'sh: syntax error: unexpected end of file\n'],
    ['echo > ;', "bash: syntax error near unexpected token `;'\n", 'sh: syntax error: unexpected ";"\n'],
    ['echo `ls', "bash: unexpected EOF while looking for matching ``'\n", 'sh: syntax error: EOF in backquote substitution\n'],
    ['if true; then', 'bash: syntax error: unexpected end of file\n', 'sh: syntax error: unexpected end of file (expecting "fi")\n'],
    ['while true; do', 'bash: syntax error: unexpected end of file\n', 'sh: syntax error: unexpected end of file (expecting "done")\n'],
    ['echo "abc', "bash: unexpected EOF while looking for matching `\"'\n", 'sh: syntax error: unterminated quoted string\n'],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\n", 'sh: syntax error: unterminated quoted string\n'],
    ['echo $(ls', "bash: unexpected EOF while looking for matching `)'\n", 'sh: syntax error: unexpected end of file (expecting ")")\n'],
    ['echo ${x', "bash: unexpected EOF while looking for matching `}'\n", "sh: syntax error: missing '}'\n"],
  ])('%j', async (src, bash, busybox) => {
    const t = await harness('terminal').run(src);
    expect(t.stderr).toBe(bash);
    expect(t.status).toBe(2);
    const b = await harness('busybox', { interactive: true }).run(src);
    expect(b.stderr).toBe(busybox);
  });

  it('adds the line and the offending text when not interactive', async () => {
    const r = await harness('terminal', { interactive: false }).run('echo ok\nfi');
    expect(r.stderr).toBe("bash: -c: line 2: syntax error near unexpected token `fi'\nbash: -c: line 2: `fi'\n");
    expect(r.stdout).toBe('');
  });

  it('reports a bad substitution when expanded, not when parsed', async () => {
    expect((await harness().run('echo ${x;}')).stderr).toBe('bash: ${x;}: bad substitution\n');
    expect((await harness('busybox').run('echo ${x;}')).stderr).toBe('sh: syntax error: bad substitution\n');
  });
});

describe('isComplete', () => {
  it.each([
    ['echo hi', true],
    ['echo "open', false],
    ["echo 'open", false],
    ['echo a \\', false],
    ['echo a \\\n', false],
    ['echo a |', false],
    ['echo a &&', false],
    ['echo a ||', false],
    ['if true; then', false],
    ['if true; then echo; fi', true],
    ['for i in 1 2; do\necho $i', false],
    ['case x in', false],
    ['f() {', false],
    ['(echo', false],
    ['echo $(ls', false],
    ['echo ${x', false],
    ['echo `ls', false],
    ['cat <<EOF', false],
    ['cat <<EOF\nbody', false],
    ['cat <<EOF\nbody\nEOF', true],
    ["cat <<'EOF' | kubectl apply -f -\nkind: Pod\nEOF", true],
    ['fi', true],
    ['echo a # comment \\', true],
    ['', true],
  ])('%j → %s', (text, complete) => {
    expect(isComplete(text)).toBe(complete);
  });
});

describe('splitCommands', () => {
  const script = [
    '#!/bin/bash',
    '# Deploy the app',
    '',
    'kubectl create namespace demo',
    'kubectl apply -n demo -f - <<EOF',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: cfg # not a comment for the shell',
    'EOF',
    'kubectl get pods \\',
    '  -n demo -o wide',
    'for i in 1 2 3; do',
    '  echo "try $i"',
    'done',
    'kubectl get pods | grep web && echo found; echo done # trailing',
    '  # indented comment',
    'if kubectl get ns demo',
    'then echo yes',
    'fi',
    "cat <<-'END'",
    '\tliteral $x',
    '\tEND',
    'echo last',
  ].join('\n');

  it('cuts a realistic script into command lines with their exact text', () => {
    const chunks = splitCommands(script);
    expect(chunks.map((c) => [c.kind, c.startLine, c.endLine, c.text])).toEqual([
      ['comment', 1, 1, '#!/bin/bash'],
      ['comment', 2, 2, '# Deploy the app'],
      ['blank', 3, 3, ''],
      ['command', 4, 4, 'kubectl create namespace demo'],
      ['command', 5, 10, 'kubectl apply -n demo -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg # not a comment for the shell\nEOF'],
      ['command', 11, 12, 'kubectl get pods \\\n  -n demo -o wide'],
      ['command', 13, 15, 'for i in 1 2 3; do\n  echo "try $i"\ndone'],
      ['command', 16, 16, 'kubectl get pods | grep web && echo found; echo done # trailing'],
      ['comment', 17, 17, '  # indented comment'],
      ['command', 18, 20, 'if kubectl get ns demo\nthen echo yes\nfi'],
      ['command', 21, 23, "cat <<-'END'\n\tliteral $x\n\tEND"],
      ['command', 24, 24, 'echo last'],
    ]);
    expect(chunks.every((c) => !c.syntaxError)).toBe(true);
  });

  it('isolates a syntax error to its line and lets the rest through', () => {
    const chunks = splitCommands('echo a\nfi\necho b\n');
    expect(chunks.map((c) => c.text)).toEqual(['echo a', 'fi', 'echo b']);
    expect(chunks[1].syntaxError).toEqual({ message: "syntax error near unexpected token `fi'", incomplete: false });
  });

  it('gives an unfinished command the rest of the script', () => {
    const chunks = splitCommands('echo a\necho "open\nmore\n');
    expect(chunks.map((c) => c.text)).toEqual(['echo a', 'echo "open\nmore']);
    expect(chunks[1].syntaxError?.incomplete).toBe(true);
  });

  it('handles a last line without newline and CRLF-free blank runs', () => {
    expect(splitCommands('a\n\n\nb').map((c) => c.kind)).toEqual(['command', 'blank', 'blank', 'command']);
  });
});

describe('parse cache', () => {
  it('returns the same tree for the same text, and caches errors', () => {
    const a = parseCached('echo cached');
    expect(parseCached('echo cached')).toBe(a);
    const e = parseCached('echo )');
    expect(e).toBeInstanceOf(ShellSyntaxError);
    expect(parseCached('echo )')).toBe(e);
  });
});
