import { exportDocumentSchema, type ExportDocument } from '../../core/schemas/export';
import { api } from './api';

/** "Export all my data" (docs/decisions/030, format in docs/export-format.md). */
export type { ExportDocument };

export const EXPORT_PATH = '/api/v1/me/export';
/** The same document, answered as a file to save (Content-Disposition: attachment). */
export const EXPORT_DOWNLOAD_PATH = `${EXPORT_PATH}?download=1`;

/** Everything I own, decrypted by the server for me alone. Checked against the server's own schema. */
export function fetchExport(signal?: AbortSignal): Promise<ExportDocument> {
  return api(EXPORT_PATH, { schema: exportDocumentSchema, signal });
}
