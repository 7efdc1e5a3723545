/**
 * Runs one edit of the case doc through the replica and turns its Result into what a dialog
 * needs: `null` when saved, or the message to show inline (in the UI language) when refused.
 */
import { useCallback } from 'react';
import type { CaseEdit } from '../../replica/types.js';
import { useReplica } from '../../app/replica-context.js';
import { useI18n } from '../../i18n/language.js';

export type RunEdit = <T>(edit: CaseEdit<T>) => Promise<string | null>;

export function useEdit(caseId: string): RunEdit {
  const { replica } = useReplica();
  const { language } = useI18n();
  return useCallback(
    async <T,>(edit: CaseEdit<T>): Promise<string | null> => {
      try {
        const result = await replica.editCase(caseId, edit);
        if (result.ok) return null;
        return language === 'vi' ? result.error.messageVi : result.error.messageEn;
      } catch (error) {
        console.error('Edit failed', error);
        const detail = error instanceof Error ? error.message : String(error);
        return language === 'vi' ? `Không lưu được thay đổi: ${detail}` : `The change could not be saved: ${detail}`;
      }
    },
    [replica, caseId, language],
  );
}
