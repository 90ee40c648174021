/**
 * The only script of pages that are not hydrated (home, category, search, product): search
 * suggestions as the shopper types, in the page's language (<html lang>), into the search box's
 * <datalist>. Delegated on `document`, so it also serves hydrated pages and client-side navigations. Kept tiny on purpose: it is part of
 * every first load (bench/storefront-size.ts counts it).
 */
export const ENHANCE_SCRIPT = `(()=>{let t,c;document.addEventListener("input",e=>{const i=e.target;if(!(i instanceof HTMLInputElement)||!i.hasAttribute("data-suggest"))return;clearTimeout(t);const q=i.value.trim();if(!q)return;t=setTimeout(async()=>{c&&c.abort();c=new AbortController;try{const r=await fetch("/api/store/search/suggest?limit=8&lang="+document.documentElement.lang+"&q="+encodeURIComponent(q),{signal:c.signal});if(!r.ok)return;const d=await r.json(),l=i.list;l&&l.replaceChildren(...d.items.map(s=>{const o=document.createElement("option");o.value=s;return o}))}catch{}},150)})})();`;
