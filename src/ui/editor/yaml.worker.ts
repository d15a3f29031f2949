// The YAML language worker for Monaco (validation, completion, hover against the bundled schemas).
import 'monaco-yaml/yaml.worker.js';
