import { useState } from 'react';
import { api } from '../app/api';
import { useFeedback } from './feedback';

/** Saves a Blob under a name through a temporary link (the download bar then shows it). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A CSV export: the server streams it (30,000 orders take ~13 s), so the button shows how many
 * bytes have arrived and the file is saved when the stream ends.
 */
export function useCsvDownload() {
  const feedback = useFeedback();
  const [received, setReceived] = useState<number | null>(null);
  const run = async (path: string, query: Parameters<typeof api.download>[1], fallbackName: string, doneText: string) => {
    setReceived(0);
    try {
      const { blob, filename } = await api.download(path, query, setReceived);
      saveBlob(blob, filename ?? fallbackName);
      feedback.ok(doneText);
    } catch (err) {
      feedback.fail(err);
    } finally {
      setReceived(null);
    }
  };
  return { run, busy: received !== null, received };
}

export const kilobytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
