/** The HTTP service behind `colorize studio` (absent when the studio is hosted as static files). */

export interface MethodInfo {
  name: string;
  family: 'scribbles' | 'transfer' | 'exemplar' | 'automatic';
  summary: string;
  browser: boolean;
  /** Other families that offer the method too (see src/methods/catalogue/types.ts). */
  alsoIn?: string[];
}

/** The service's methods, or null when there is no service. */
export async function fetchMethods(): Promise<MethodInfo[] | null> {
  try {
    const res = await fetch('v1/methods', { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return null;
    return ((await res.json()) as { methods: MethodInfo[] }).methods;
  } catch {
    return null;
  }
}

/** Runs a method on the service; resolves to the result image. */
export async function colorizeOnServer(method: string, files: Record<string, Blob>): Promise<Blob> {
  const body = new FormData();
  for (const [k, v] of Object.entries(files)) body.append(k, v, `${k}.png`);
  const res = await fetch(`v1/colorize/${encodeURIComponent(method)}`, {
    method: 'POST',
    body,
    headers: { accept: 'image/png' },
  });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      msg = ((await res.json()) as { message: string }).message;
    } catch {
      // not JSON
    }
    throw new Error(msg);
  }
  return res.blob();
}
