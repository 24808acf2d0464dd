export const NOTICE_FILES: string[];
export function privacyNoticeVersion(read?: (file: string) => string): string;
