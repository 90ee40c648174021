// Sends oversized bodies with Node's fetch from its own process (in the server's process the event
// loop is shared and the race that breaks the pipe never shows). Prints one JSON line of outcomes.
// usage: node upload-client.mjs <url> <megabytes> <times> <parallel> [chunked]
const [url, mb, times, parallel, chunked] = process.argv.slice(2);
const size = Number(mb) * 1024 * 1024;
const json = JSON.stringify({ identifier: 'a@example.com', password: 'x'.repeat(size) });

function streamed() {
  const bytes = new TextEncoder().encode(json);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
    },
  });
}

async function once() {
  try {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked ? streamed() : json, duplex: 'half' };
    const res = await fetch(url, init);
    const body = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), code: JSON.parse(body).code };
  } catch (err) {
    return { error: String(err.cause?.code ?? err.cause?.message ?? err.message) };
  }
}

const out = [];
for (let i = 0; i < Number(times); i++) out.push(...(await Promise.all(Array.from({ length: Number(parallel) }, once))));
console.log(JSON.stringify(out));
