/**
 * Messages of one area of the app, kept in their own file so that work on different areas never
 * edits the same catalogue lines. Spread into vi.ts and en.ts; keys are prefixed by the area.
 *
 * Area "backup": Settings → "Sao lưu / Khôi phục" (renderer/backup/BackupCard.tsx). A bundle holds
 * the case files (hồ sơ) and the documents (văn bản: biên bản, bản án, quyết định…); every count
 * the clerk reads names both.
 */
export const backupVi = {
  'backup.title': 'Sao lưu / Khôi phục',
  'backup.hint':
    'Bản sao lưu chứa toàn bộ hồ sơ và văn bản (biên bản, bản án, quyết định…) trên máy này, để cất giữ hoặc chép sang máy khác. Tệp không được mã hóa: hãy cất giữ như hồ sơ giấy.',
  'backup.export': 'Xuất bản sao lưu',
  'backup.exporting': 'Đang đọc hồ sơ và văn bản: {done}/{total}',
  'backup.building': 'Đang tạo tệp sao lưu…',
  'backup.exported': 'Đã lưu bản sao lưu gồm {cases} hồ sơ và {documents} văn bản: {name}',
  'backup.exportCancelled': 'Đã hủy, chưa lưu bản sao lưu nào.',
  'backup.exportFailed': 'Không tạo được bản sao lưu: {message}',
  'backup.restore': 'Khôi phục từ bản sao lưu',
  'backup.checking': 'Đang kiểm tra tệp sao lưu…',
  'backup.planTitle': 'Bản sao lưu của {court}, tạo lúc {time}:',
  'backup.planCases': 'Hồ sơ vụ án',
  'backup.planDocuments': 'Văn bản (biên bản, bản án, quyết định…)',
  'backup.planNew': '{count} hồ sơ mới',
  'backup.planMerge': '{count} hồ sơ sẽ được gộp',
  'backup.planContained': '{count} hồ sơ đã có đủ',
  'backup.planDocumentsNew': '{count} văn bản mới',
  'backup.planDocumentsMerge': '{count} văn bản sẽ được gộp',
  'backup.planDocumentsContained': '{count} văn bản đã có đủ',
  'backup.planNoDocuments':
    'Bản sao lưu này do phiên bản Courtdesk cũ tạo: chỉ có hồ sơ, không có nội dung văn bản (biên bản, bản án…). Văn bản trên máy này được giữ nguyên.',
  'backup.planHint':
    'Khôi phục chỉ gộp thêm dữ liệu: không thay đổi nào trên máy này bị ghi đè hay xóa. Các hồ sơ và văn bản thay đổi sẽ được gửi lên máy chủ ở lần đồng bộ sau.',
  'backup.confirm': 'Khôi phục',
  'backup.cancel': 'Hủy',
  'backup.restoring': 'Đang khôi phục: {done}/{total}',
  'backup.restored': 'Đã khôi phục xong: {cases} hồ sơ và {documents} văn bản được thêm mới hoặc gộp.',
  'backup.restoreFailedDocs': 'Không khôi phục được {count} hồ sơ, văn bản: {ids}',
  'backup.restoreFailed': 'Không khôi phục được: {message}',
} as const;

export const backupEn: Record<keyof typeof backupVi, string> = {
  'backup.title': 'Backup / Restore',
  'backup.hint':
    'A backup holds every case file and document (minutes, judgments, decisions…) on this computer, to keep or to copy to another PC. The file is not encrypted: keep it like the paper files.',
  'backup.export': 'Export a backup',
  'backup.exporting': 'Reading case files and documents: {done}/{total}',
  'backup.building': 'Creating the backup file…',
  'backup.exported': 'Backup of {cases} case files and {documents} documents saved: {name}',
  'backup.exportCancelled': 'Cancelled; no backup was saved.',
  'backup.exportFailed': 'The backup could not be created: {message}',
  'backup.restore': 'Restore from a backup',
  'backup.checking': 'Checking the backup file…',
  'backup.planTitle': 'Backup of {court}, made {time}:',
  'backup.planCases': 'Case files',
  'backup.planDocuments': 'Documents (minutes, judgments, decisions…)',
  'backup.planNew': '{count} new case files',
  'backup.planMerge': '{count} case files will be merged',
  'backup.planContained': '{count} case files already complete',
  'backup.planDocumentsNew': '{count} new documents',
  'backup.planDocumentsMerge': '{count} documents will be merged',
  'backup.planDocumentsContained': '{count} documents already complete',
  'backup.planNoDocuments':
    'This backup was made by an older Courtdesk: it holds case files only, no document contents (minutes, judgments…). Documents on this computer are kept as they are.',
  'backup.planHint':
    'Restoring only adds data: nothing on this computer is overwritten or deleted. Changed case files and documents are sent to the server at the next sync.',
  'backup.confirm': 'Restore',
  'backup.cancel': 'Cancel',
  'backup.restoring': 'Restoring: {done}/{total}',
  'backup.restored': 'Restore complete: {cases} case files and {documents} documents added or merged.',
  'backup.restoreFailedDocs': '{count} case files or documents could not be restored: {ids}',
  'backup.restoreFailed': 'The restore failed: {message}',
};
