/**
 * One hearing's pack, from what the replica holds: the minutes template chosen and rendered for
 * the hearing, and the readiness verdict. Pure; renderer/dayplan/prepare.ts gathers the inputs.
 */
import type { Case, Court, Hearing, StaffMember } from '../domain/schemas.js';
import type { Template } from '../templates/model.js';
import { documentDocId } from '../drafting/document-doc.js';
import { chooseMinutes } from './minutes-template.js';
import { evaluateReadiness, type LocalDocState, type Readiness } from './readiness.js';

export interface AssessInput {
  readonly court: Court;
  readonly staff: readonly StaffMember[];
  /** Templates available on this laptop, in preference order. */
  readonly templates: readonly Template[];
  /** The case as read from its doc; undefined when absent or unreadable. */
  readonly kase: Case | undefined;
  readonly hearing: Hearing;
  readonly caseDoc: LocalDocState;
  /** Local state of each `doc:{id}` of the case's documents (missing entries count as absent). */
  readonly docStates: ReadonlyMap<string, LocalDocState>;
  readonly serverConfigured: boolean;
}

export interface HearingAssessment {
  readonly readiness: Readiness;
  readonly minutesTemplateId?: string;
  readonly minutesTemplateTitle?: string;
}

export function assessHearing(input: AssessInput): HearingAssessment {
  const { kase, hearing } = input;
  const availableTemplateIds = new Set(input.templates.map((t) => t.meta.id));
  const day = hearing.startsAt.slice(0, 10);
  const choice = kase ? chooseMinutes(input.templates, { court: input.court, staff: input.staff, kase, hearing, today: day }) : undefined;
  const readiness = evaluateReadiness({
    hearingDay: day,
    caseDoc: input.caseDoc,
    caseReadable: kase !== undefined,
    documents: (kase?.documents ?? []).map((ref) => ({ ref, local: input.docStates.get(documentDocId(ref.id)) ?? 'absent' })),
    ...(choice ? { minutesTemplateId: choice.template.meta.id } : {}),
    availableTemplateIds,
    missingFields: choice?.missing ?? [],
    serverConfigured: input.serverConfigured,
  });
  return {
    readiness,
    ...(choice ? { minutesTemplateId: choice.template.meta.id, minutesTemplateTitle: choice.template.meta.title } : {}),
  };
}
