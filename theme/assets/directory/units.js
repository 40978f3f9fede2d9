/* Unit directory filter (generator/directory.py): name, type and province over units/units.json, fetched on
 * first use. Without JavaScript the form stays hidden and the per-province lists on the page do the job. */
(() => {
  "use strict";
  const form = document.querySelector("form.unit-filter[data-units]");
  if (!form) return;
  const SHOW = 50;
  const status = form.querySelector(".unit-filter__status");
  const list = form.querySelector(".unit-filter__results");
  const dataUrl = new URL(form.dataset.units, location.href);
  const fold = (s) => s.normalize("NFC").toLowerCase().replace(/\s+/g, "");
  let rows = null;
  const load = () => (rows = rows || fetch(dataUrl).then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then((all) => all.map(([url, name, type, province, district]) => ({ url, name, type, province, district, key: fold(name) })))
    .catch((err) => { rows = null; throw err; }));

  function item(row) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = new URL(row.url, new URL("../", dataUrl)).href;
    a.textContent = row.name;
    li.append(a, ` — ${[row.type, row.district, row.province].filter(Boolean).join(" · ")}`);
    return li;
  }
  async function update() {
    const q = fold(form.q.value), type = form.type.value, province = form.province.value;
    if (!q && !type && !province) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = "กำลังค้นหา…";
    try {
      const found = (await load()).filter((r) => (!q || r.key.includes(q)) && (!type || r.type === type) && (!province || r.province === province));
      list.replaceChildren(...found.slice(0, SHOW).map(item));
      status.textContent = !found.length ? "ไม่พบหน่วยงานที่ตรงกับเงื่อนไข"
        : found.length > SHOW ? `พบ ${found.length.toLocaleString("th-TH")} แห่ง แสดง ${SHOW} แห่งแรก ระบุชื่อให้ละเอียดขึ้นเพื่อจำกัดผล`
        : `พบ ${found.length.toLocaleString("th-TH")} แห่ง`;
    } catch (err) {
      status.textContent = "โหลดรายชื่อหน่วยงานไม่สำเร็จ ใช้รายชื่อตามจังหวัดด้านล่างแทน";
      console.error(err);
    }
  }
  form.hidden = false;
  form.addEventListener("submit", (ev) => { ev.preventDefault(); update(); });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
