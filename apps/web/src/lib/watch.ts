import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, ApiFailure, unwrap, type Schemas } from '../api/client';

export type ProjectDetail = Schemas['ProjectDetail'];

/**
 * A project that stays current without polling: after the first GET the page holds a request with
 * `If-None-Match` and `Prefer: wait=25`; the API answers when a step of the project's process
 * changes what the caller sees (200 with a new ETag) or after 25 s (304), and the page asks again.
 */
export function useWatchedProject(id: string) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['project', id],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/projects/{id}', { params: { path: { id } } });
      if (!response.ok) throw new ApiFailure(response.status, error as never);
      client.setQueryData(['project-etag', id], response.headers.get('etag'));
      return data as ProjectDetail;
    },
  });
  const loaded = query.isSuccess;
  useEffect(() => {
    if (!loaded) return;
    const stop = new AbortController();
    void (async () => {
      while (!stop.signal.aborted) {
        const etag = client.getQueryData<string | null>(['project-etag', id]);
        try {
          const { data, response } = await api.GET('/projects/{id}', {
            params: { path: { id } },
            headers: { ...(etag ? { 'If-None-Match': etag } : {}), Prefer: 'wait=25' },
            signal: stop.signal,
          });
          if (response.status === 200 && data) {
            client.setQueryData(['project-etag', id], response.headers.get('etag'));
            client.setQueryData(['project', id], data);
            // Whatever else the page shows of the project (timeline, report, tasks) moved too.
            void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'project' && q.queryKey.includes(id) });
          } else if (response.status !== 304) {
            await new Promise((r) => setTimeout(r, 5000));
          }
        } catch {
          if (stop.signal.aborted) return;
          await new Promise((r) => setTimeout(r, 5000));
        }
      }
    })();
    return () => stop.abort();
  }, [loaded, id, client]);
  return query;
}

/** GET /projects/{id}/timeline (the caller's projection of it). */
export function useTimeline(id: string) {
  return useQuery({ queryKey: ['timeline', id], queryFn: () => unwrap(api.GET('/projects/{id}/timeline', { params: { path: { id } } })) });
}
