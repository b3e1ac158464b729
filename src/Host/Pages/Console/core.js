// The console: pages over the service's own HTTP/JSON API (ADR 22). Every figure and every permitted step comes from
// the service; the page only shows them and sends what the person asks, with the session's anti-forgery token.

export const STATES = {
  CYCLE_STATE_COMMITMENT: "承诺",
  CYCLE_STATE_SELF_REPORT: "述绩",
  CYCLE_STATE_MASS_REVIEW: "评绩",
  CYCLE_STATE_PUBLICITY: "亮绩（公示）",
  CYCLE_STATE_DETERMINATION: "定绩",
  CYCLE_STATE_APPLICATION: "用绩",
  CYCLE_STATE_CLOSED: "已结束",
};
export const HALVES = { CYCLE_SUB_STATE_FIRST_HALF: "上半年", CYCLE_SUB_STATE_SECOND_HALF: "下半年" };
export const RATINGS = { RATING_EXCELLENT: "优秀", RATING_QUALIFIED: "合格", RATING_BASICALLY_QUALIFIED: "基本合格", RATING_UNQUALIFIED: "不合格" };
export const BONUS_STATUS = { BONUS_ITEM_STATUS_PROPOSED: "待审批", BONUS_ITEM_STATUS_APPROVED: "已批准", BONUS_ITEM_STATUS_REJECTED: "未批准" };
export const CATEGORIES = { MEMBER_CATEGORY_IN_SERVICE: "在职党员", MEMBER_CATEGORY_RETIRED: "离退休党员" };
export const OBJECTION_STATUS = { OBJECTION_STATUS_OPEN: "待处理", OBJECTION_STATUS_UPHELD: "成立，已更正", OBJECTION_STATUS_DISMISSED: "不成立" };
export const ROLES = { member: "党员", secretary: "支部书记", leadership: "领导小组", system: "校园业务系统" };

/** The person signed in (GET /session): who, which role and branch, the year, and the anti-forgery token. */
export let session = null;

export function setSession(value) {
  session = value;
}

/** A fresh id for a request the service must count once; crypto.getRandomValues works on plain HTTP too, randomUUID does not. */
export function newRequestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A call of the service's HTTP/JSON API (a file is sent as it is): the answer, or the refusal (google.rpc.Status) with its field violations. */
export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const file = body instanceof Blob;
  if (body !== undefined) headers["Content-Type"] = file ? body.type || "application/octet-stream" : "application/json";
  if (method !== "GET" && session) headers[session.antiforgeryHeader] = session.antiforgeryToken;
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined || file ? body : JSON.stringify(body) });
  const text = await response.text();
  let json = {};
  // A proxy in front may answer a refusal of its own in HTML (a 413 for a large sheet, a 502): say so, do not break.
  try { json = text ? JSON.parse(text) : {}; } catch { json = {}; }
  if (response.ok) return { ok: true, json };
  const fields = {};
  for (const detail of json.details || []) {
    for (const violation of detail.fieldViolations || []) fields[violation.field] = violation.description;
  }
  return { ok: false, status: response.status, message: json.message || `请求失败（${response.status}）`, fields };
}

/** Builds an element: el("p", { class: "muted" }, "text", child…). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function day(iso) {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export function moment(timestamp) {
  if (!timestamp) return "";
  const parts = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(new Date(timestamp));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}年${part("month")}月${part("day")}日 ${part("hour")}:${part("minute")}`;
}

/**
 * Shows a refusal where it belongs: each field violation under its own field (the field named by the last part of
 * its path, "fact.points" → points), anything else above the button. Returns the field elements that took one.
 */
export function placeRefusal(answer, fieldErrors, formError) {
  // An earlier success says nothing of this attempt.
  document.querySelectorAll("p.notice[role=status]").forEach((notice) => notice.remove());
  const placed = [];
  for (const [path, description] of Object.entries(answer.fields)) {
    const target = fieldErrors[path] || fieldErrors[path.split(".").pop()];
    if (target) {
      target.textContent = description;
      target.hidden = false;
      placed.push(target);
    }
  }
  if (placed.length === 0) {
    formError.textContent = answer.message;
    formError.hidden = false;
  }
  return placed;
}

export function show(...content) {
  const main = document.getElementById("main");
  main.replaceChildren(...content);
}


export function documentsSection(year) {
  const links = {
    member: [["我的考核评分表（PDF）", `/documents/${year}/members/${session.subject}/scoring-table.pdf`], ["我的考核评分表（Excel）", `/documents/${year}/members/${session.subject}/scoring-table.xlsx`]],
    secretary: [["本支部公示名单（PDF）", `/documents/${year}/branches/${session.branchCode}/publicity.pdf`], ["本支部用绩名单（Excel）", `/documents/${year}/branches/${session.branchCode}/outcomes.xlsx`], ["本支部材料整理汇集（zip）", `/documents/${year}/branches/${session.branchCode}/dossier.zip`]],
    leadership: [["全院工作概况（Excel）", `/documents/${year}/overview.xlsx`], ["全院用绩名单（PDF）", `/documents/${year}/outcomes.pdf`], ["全院材料整理汇集（zip）", `/documents/${year}/dossier.zip`]],
  }[session.role] || [];
  return el("section", { "aria-labelledby": "documents-heading" },
    el("h2", { id: "documents-heading" }, `${year}年度文件`),
    el("ul", {}, links.map(([title, href]) => el("li", {}, el("a", { href }, title)))));
}

