const rows = Array.from({ length: 1000 }, (_, i) => ['0190a0a0-0000-7000-8000-' + String(i).padStart(12, '0'), '2026-06-18T12:34:56.789Z', '{"zh-CN":"华为 FreeBuds Pro 4 无线降噪蓝牙耳机","en":"HUAWEI FreeBuds"}', String(i * 37), 'completed']);
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
function U(e: string) { let t = e.length; for (let n = e.length - 1; n >= 0; n--) { const s = e.charCodeAt(n); s > 127 && s <= 2047 ? t++ : s > 2047 && s <= 65535 && (t += 2), s >= 56320 && s <= 57343 && n--; } return t; }
function a() { const tuples: string[] = []; for (const r of rows) tuples.push(`(${r.map(q).join(',')})`); return 'insert into x values ' + tuples.join(','); }
function b() { let v = ''; for (const r of rows) { let t = v ? ',(' : '('; for (let i = 0; i < r.length; i++) t += (i ? ',' : '') + q(r[i]); v += t + ')'; } return 'insert into x values ' + v; }
const enc = new TextEncoder();
for (let round = 0; round < 3; round++) for (const [name, f] of [['join', a], ['concat', b]] as const) {
  const c = process.cpuUsage(); let n = 0;
  for (let k = 0; k < 300; k++) { const s = f(); n += U(s); enc.encode(s); }
  console.log(name, (process.cpuUsage(c).user / 1000).toFixed(0), 'ms', n);
}
