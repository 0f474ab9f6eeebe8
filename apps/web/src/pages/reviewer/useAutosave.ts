import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiFailure } from '../../api/client';
import type { DraftBody } from './review-form';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'restored'; at: string }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: ApiFailure | Error };

const DEBOUNCE_MS = 800;

/**
 * Keeps the reviewer's draft on the server: every change is sent with PUT /tasks/{id}/draft once the
 * reviewer pauses for DEBOUNCE_MS, one request at a time, the newest state last. What is still
 * waiting goes out at once when the page is left (in-app, or the tab closed: `keepalive`).
 */
export function useAutosave(taskId: string, restoredAt: string | undefined) {
  const client = useQueryClient();
  const [state, setState] = useState<SaveState>(restoredAt ? { kind: 'restored', at: restoredAt } : { kind: 'idle' });
  const waiting = useRef<DraftBody | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(false);

  const send = useCallback(
    (keepalive = false) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      queue.current = queue.current.then(async () => {
        const body = waiting.current;
        if (!body || stopped.current) return;
        waiting.current = null;
        setState({ kind: 'saving' });
        try {
          const { data, error, response } = await api.PUT('/tasks/{id}/draft', { params: { path: { id: taskId } }, body, keepalive });
          if (response.ok && data) {
            setState({ kind: 'saved', at: data.savedAt });
            return;
          }
          const failure = new ApiFailure(response.status, error as never);
          // The task closed under the page (submitted elsewhere, expired, cancelled): show what it is now.
          if (response.status === 409 || response.status === 404) {
            stopped.current = true;
            void client.invalidateQueries({ queryKey: ['task', taskId] });
          } else if (!waiting.current) {
            waiting.current = body;
          }
          setState({ kind: 'failed', error: failure });
        } catch (error) {
          if (!waiting.current) waiting.current = body;
          setState({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
        }
      });
      return queue.current;
    },
    [taskId, client],
  );

  /** A change: saved once the reviewer pauses. */
  const change = useCallback(
    (body: DraftBody) => {
      if (stopped.current) return;
      waiting.current = body;
      // Said at once: the change is on its way (after the pause), not lost.
      setState((s) => (s.kind === 'saving' ? s : { kind: 'saving' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), DEBOUNCE_MS);
    },
    [send],
  );

  /** No more saving (the review is being submitted, or the task declined: the server drops the draft). */
  const stop = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    waiting.current = null;
    stopped.current = true;
    return queue.current;
  }, []);

  /** Saving again after a submit that did not go through. */
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  useEffect(() => {
    const leave = () => {
      if (waiting.current) void send(true);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [send]);

  return { state, change, retry: () => void send(), stop, resume };
}
