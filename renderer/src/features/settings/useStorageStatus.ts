// How much the cache occupies and whether the browser engine promised to keep it.
import { useCallback, useEffect, useState } from 'react';
import { formatDecimal } from '../../../../shared/domain/money';

export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export function useStorageStatus(refreshKey: unknown): { status: StorageStatus; requestPersist(): Promise<void> } {
  const [status, setStatus] = useState<StorageStatus>({ usage: null, quota: null, persisted: null });
  const read = useCallback(async () => {
    const est = (await navigator.storage?.estimate?.()) ?? {};
    const persisted = (await navigator.storage?.persisted?.()) ?? null;
    setStatus({ usage: est.usage ?? null, quota: est.quota ?? null, persisted });
  }, []);
  useEffect(() => {
    void read();
  }, [read, refreshKey]);
  const requestPersist = useCallback(async () => {
    await navigator.storage?.persist?.();
    await read();
  }, [read]);
  return { status, requestPersist };
}

export function formatBytes(n: number | null): string {
  if (n === null) return 'unknown';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatDecimal(v, v < 10 && u > 0 ? 1 : 0)} ${units[u]}`;
}
