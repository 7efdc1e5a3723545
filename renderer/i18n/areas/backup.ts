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
  'backup.exportPending': 'Chỉ các văn bản chưa đồng bộ',
  'backup.exportPendingHint':
    'Sao lưu mọi hồ sơ và chỉ các văn bản chưa có trên máy chủ của tòa (văn bản đã đồng bộ tải lại được từ máy chủ). Dùng khi dữ liệu trên máy quá lớn cho một bản sao lưu đầy đủ.',
  'backup.exporting': 'Đang đọc hồ sơ và văn bản: {done}/{total}',
  'backup.building': 'Đang tạo tệp sao lưu…',
  'backup.exported': 'Đã lưu bản sao lưu gồm {cases} hồ sơ và {documents} văn bản: {name}',
  'backup.exportedPending':
    'Đã lưu bản sao lưu gồm {cases} hồ sơ và {documents} văn bản chưa đồng bộ ({onServer} văn bản đã có trên máy chủ của tòa không nằm trong tệp): {name}',
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
  'backup.planDocumentsOnServer':
    'Tệp này chỉ có các văn bản chưa đồng bộ: {count} văn bản khác đã có trên máy chủ của tòa, không nằm trong tệp, và được tải lại khi đồng bộ.',
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
  'backup.exportPending': 'Only documents not yet synced',
  'backup.exportPendingHint':
    'Backs up every case file and only the documents the court server does not have yet (synced documents can be pulled again from the server). Use it when the local data is too large for a full backup.',
  'backup.exporting': 'Reading case files and documents: {done}/{total}',
  'backup.building': 'Creating the backup file…',
  'backup.exported': 'Backup of {cases} case files and {documents} documents saved: {name}',
  'backup.exportedPending':
    'Backup of {cases} case files and {documents} unsynced documents saved ({onServer} documents already on the court server are not in the file): {name}',
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
  'backup.planDocumentsOnServer':
    'This file holds only documents not yet synced: {count} other documents are on the court server, not in the file, and come back with the sync.',
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
