/** Where a document opens: `#/cases/<caseId>/documents/<documentId>` (routes.ts). */
import { formatRoute } from '../app/routes.js';

export function documentRouteHash(caseId: string, documentId: string): string {
  return formatRoute({ screen: 'document', caseId, documentId });
}
