// Backup and restore of the whole cache: write (writeBackup), read (readBackup), check
// (checkBackup), relate to this laptop and its witnesses, then restore all or nothing (restore).
export { writeBackup, type BackupOptions } from './writeBackup';
export { readBackup, checkBackupFile, type StagedBackup } from './readBackup';
export { planRestore, applyRestore, type PendingRestore, type RestorePlan } from './restore';
export { describeCounts, type SummaryCounts } from './summary';
