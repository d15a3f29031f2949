// The shell's public surface: createShell() for the terminal and for containers, the types a
// registered command implements, the file system, streams and signals.

export { createShell, Shell, type RunOptions, type ShellOptions } from './shell';
export type { CommandContext, CommandEnv, CommandImpl, CommandTable, Flavor, NestedRunOptions, SleepFn } from './types';
export { isComplete, splitCommands, type ScriptChunk } from './complete';
export { parse, parseCached } from './parser';
export { ShellSyntaxError } from './errors';
export { MemFS } from './memfs';
export { ERRNO_TEXT, FsError, basename, dirname, normalizePath, resolvePath, type Errno, type FileStat, type FileSystem, type FileType } from './fs';
export {
  BrokenPipe, BufferedInput, CaptureOutput, NULL_OUTPUT, Pipe, StringInput, callbackOutput, emptyInput,
  type InputStream, type OutputStream, type ShellIO,
} from './streams';
export { AbortScope, NEVER, signalStatus, type ShellSignal, type SignalName } from './signal';
export { STANDARD_UTILITY_NAMES } from './utils/index';
export { getopt, isOptError, optionError, usageError, type OptSpec } from './utils/getopt';
