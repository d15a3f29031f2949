// Input framing: isComplete() tells the terminal whether to prompt `> ` for more, and
// splitCommands() cuts a script into the command lines the headless runner echoes and runs.

import { ShellSyntaxError } from './errors';
import { Parser } from './parser';

/** False when the text stops inside quotes, a here-document, after `\`, `|`, `&&`, `||`, or in an open compound command. */
export function isComplete(text: string): boolean {
  try {
    const p = new Parser(text, 0, true);
    p.parseProgram();
    return true;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return !e.incomplete;
    throw e;
  }
}

export interface ScriptChunk {
  readonly kind: 'command' | 'comment' | 'blank';
  /** Exact source text, without the final newline (multi-line for continuations, heredocs, compounds). */
  readonly text: string;
  /** 1-based first and last line in the script. */
  readonly startLine: number;
  readonly endLine: number;
  /**
   * Set when the command has a syntax error (running its text reports it). `incomplete` means the
   * script ended before the command did; the chunk then runs to the end of the script.
   */
  readonly syntaxError?: { readonly message: string; readonly incomplete: boolean };
}

/** Splits a whole script into complete command lines, reporting blank and comment-only lines too. */
export function splitCommands(script: string): ScriptChunk[] {
  const out: ScriptChunk[] = [];
  const len = script.length;
  let pos = 0;
  let line = 1;
  let parser: Parser | null = null;
  while (pos < len) {
    let eol = script.indexOf('\n', pos);
    if (eol < 0) eol = len;
    const lineText = script.slice(pos, eol);
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      out.push({ kind: trimmed ? 'comment' : 'blank', text: lineText, startLine: line, endLine: line });
      pos = eol + 1;
      line++;
      continue;
    }
    let end: number;
    let syntaxError: ScriptChunk['syntaxError'];
    try {
      if (!parser) parser = new Parser(script, pos);
      else parser.reset(pos);
      parser.parseLine();
      // After the newline token the lexer stands past any here-document bodies.
      end = parser.atEof() ? len : parser.lex.pos;
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      syntaxError = { message: e.message, incomplete: e.incomplete };
      if (e.incomplete) end = len;
      else {
        // Like an interactive shell, drop the rest of the line where the error is.
        let i = pos;
        for (let l = line; l < e.line; l++) i = script.indexOf('\n', i) + 1;
        const nl = script.indexOf('\n', i);
        end = nl < 0 ? len : nl + 1;
      }
    }
    let text = script.slice(pos, end);
    if (text.endsWith('\n')) text = text.slice(0, -1);
    const lines = countNewlines(text);
    out.push(
      syntaxError
        ? { kind: 'command', text, startLine: line, endLine: line + lines, syntaxError }
        : { kind: 'command', text, startLine: line, endLine: line + lines },
    );
    line += lines + 1;
    pos = end;
  }
  return out;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
