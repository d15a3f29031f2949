// Maps YAML parse failures to go-yaml's wording (`yaml: line 5: mapping values are not allowed in this
// context`), which is what kubectl prints: js-yaml finds the same faults but words them differently.

interface YamlExceptionLike {
  reason?: string;
  mark?: { line: number; column: number };
  message?: string;
}

export function goYamlError(e: unknown, text: string): string {
  const ex = e as YamlExceptionLike;
  const reason = ex.reason ?? ex.message ?? String(e);
  const line = (ex.mark?.line ?? 0) + 1;
  const srcLine = text.split('\n')[line - 1] ?? '';
  if (/\t/.test(srcLine.slice(0, (ex.mark?.column ?? 0) + 1)) || /tab characters must not be used/.test(reason)) {
    return `yaml: line ${line}: found character that cannot start any token`;
  }
  if (/bad indentation of a mapping entry/.test(reason)) return `yaml: line ${line}: mapping values are not allowed in this context`;
  if (/bad indentation of a sequence entry/.test(reason)) return `yaml: line ${line}: did not find expected key`;
  if (/end of the stream or a document separator is expected/.test(reason)) return `yaml: line ${line}: did not find expected key`;
  if (/duplicated mapping key/.test(reason)) {
    const key = /^\s*([^:]+):/.exec(srcLine)?.[1]?.trim() ?? '';
    return `yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`;
  }
  if (/unexpected end of the stream within a (single|double) quoted scalar/.test(reason)) return `yaml: line ${line}: found unexpected end of stream`;
  if (/missed comma between flow collection entries|unexpected end of the stream within a flow collection/.test(reason)) {
    return `yaml: line ${line}: did not find expected ',' or ']'`;
  }
  if (/can not read a block mapping entry; a multiline key may not be an implicit key/.test(reason)) {
    return `yaml: line ${Math.max(1, line - 1)}: could not find expected ':'`;
  }
  if (/incomplete explicit mapping pair|a multiline key/.test(reason)) return `yaml: line ${line}: could not find expected ':'`;
  return `yaml: line ${line}: ${reason}`;
}
