// Table columns and cells for mutating and validating webhook configurations: WEBHOOKS count.
// mirrors: pkg/printers/internalversion/printers.go (printMutatingWebhook, printValidatingWebhook)

import type {
  MutatingWebhookConfiguration,
  ValidatingWebhookConfiguration,
} from 'kubernetes-types/admissionregistration/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age } from './format';

const WEBHOOK_COLUMNS = [
  NAME_COLUMN,
  column('Webhooks', 'integer', 'Webhooks indicates the number of webhooks registered in this configuration'),
  AGE_COLUMN,
];

export const webhookConfigurationPrinter: TablePrinter<MutatingWebhookConfiguration | ValidatingWebhookConfiguration> = {
  columns: WEBHOOK_COLUMNS,
  rows: (w, now) => [[w.metadata?.name ?? '', w.webhooks?.length ?? 0, age(w.metadata, now)]],
};
