using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Cli.Review;

/// <summary>The single review page: HTML, CSS and script inline, so it works offline.</summary>
internal static class ReviewPage
{
    /// <summary>
    /// The page's Content-Security-Policy: its own inline style and script (by hash) and calls to its own origin,
    /// nothing else; no framing.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; script-src '{Hash("script")}'; style-src '{Hash("style")}'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Hash(string element)
    {
        var open = Html.IndexOf($"<{element}>", StringComparison.Ordinal) + element.Length + 2;
        var body = Html[open..Html.IndexOf($"</{element}>", open, StringComparison.Ordinal)];
        return "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
    }

    public const string Html = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>curate review</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
header{background:#234;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center}
main{display:grid;grid-template-columns:2fr 1fr;gap:1em;padding:1em}
section{background:#fff;border-radius:6px;padding:1em;box-shadow:0 1px 2px #0002}
.ctx{white-space:pre-wrap;border-left:3px solid #ccd;padding-left:.6em;line-height:1.6}
mark{cursor:pointer;border-radius:3px;padding:0 2px;background:#ffe08a}
mark:hover{outline:2px solid #c33}
mark::after{content:" " attr(data-type);font-size:.7em;color:#555}
.crit{display:flex;justify-content:space-between;align-items:center;margin:.3em 0;gap:.5em}
.crit button{min-width:4em}.on-pass{background:#2a7;color:#fff}.on-fail{background:#c33;color:#fff}
.opt.correct{font-weight:bold;color:#185}
kbd{background:#eee;border:1px solid #bbb;border-radius:3px;padding:0 .3em;font-size:.8em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.2em .4em;text-align:left}
#error{color:#c33;white-space:pre-wrap}.hidden{display:none}
#signin{max-width:40em;margin:2em auto}#signin input{width:100%;font-family:monospace}#signin-error{color:#c33}
</style></head>
<body>
<header><strong>curate review</strong>
<span id="who"></span><button id="start" class="hidden">Next task</button><button id="sign-out" class="hidden">Sign out</button>
<span id="status"></span></header>
<section id="signin" class="hidden"><h3>Sign in</h3>
<p>Paste the reviewer token that <code>curate review add-reviewer NAME</code> printed for you. This browser keeps it until you sign out.</p>
<p><input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="crv_..."></p>
<button id="sign-in">Sign in</button> <span id="signin-error"></span></section>
<main id="main" class="hidden">
<section id="task-panel"><div id="empty">Pick your name and press <kbd>N</kbd> for your next task.</div>
<div id="task" class="hidden">
<h3><span id="kind"></span> &middot; <span id="dataset"></span> &middot; <span id="role"></span></h3>
<p id="source"></p>
<p id="departments"></p>
<div id="question"></div>
<div id="context" class="ctx"></div>
<ol id="options" type="A"></ol>
<p>Answer: <span id="answer"></span></p>
<div id="rubric"></div>
<div id="qa" class="hidden"><h4>Criteria <small><kbd>1</kbd>-<kbd>5</kbd> flip, <kbd>A</kbd> all pass, <kbd>Enter</kbd> submit</small></h4>
<div id="criteria"></div>
<div id="reject" class="hidden"><label><input type="radio" name="action" value="discard" checked> discard</label>
<label><input type="radio" name="action" value="revise" id="revise"> revise <kbd>R</kbd></label>
<div id="revision" class="hidden"><p>Question<br><textarea id="rev-question" rows="3" cols="70"></textarea></p>
<p>Options (one a line)<br><textarea id="rev-options" rows="5" cols="70"></textarea></p>
<p>Answer <input id="rev-answer"></p></div></div></div>
<div id="ent" class="hidden"><h4>Entities <small>select text, pick a type, <kbd>E</kbd> adds; click a highlight to remove; <kbd>Enter</kbd> accept, <kbd>X</kbd> reject item</small></h4>
<label>Type <select id="entity-type"></select></label> <input id="new-type" placeholder="new type" size="10">
<button id="add-entity">Add selection (E)</button><ul id="entity-list"></ul></div>
<div id="dispute" class="hidden"><h4>Disputed score</h4>
<p>Response by <b id="subject"></b>:</p><div id="response" class="ctx"></div>
<p id="scores"></p><label>Your score (0-1) <input id="score" type="number" min="0" max="1" step="0.05"></label> <kbd>Enter</kbd></div>
<p><textarea id="comment" rows="2" cols="70" placeholder="comment (optional)"></textarea></p>
<button id="submit">Submit (Enter)</button> <button id="reject-item" class="hidden">Reject item (X)</button>
<div id="error"></div></div></section>
<section><h4>Progress by dataset</h4><table id="progress-datasets"></table>
<h4>Progress by reviewer</h4><table id="progress-reviewers"></table></section>
</main>
<script>
const $ = id => document.getElementById(id);
let task = null, verdicts = {}, entities = [], reviewer = null;
const TOKEN = "curate-review-token";
const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c]));
class ApiError extends Error { constructor(message, status) { super(message); this.status = status; } }
async function api(path, body) {
  const headers = {"authorization": "Bearer " + (localStorage.getItem(TOKEN) || "")};
  if (body) headers["content-type"] = "application/json";
  const r = await fetch(path, body ? {method:"POST", headers, body:JSON.stringify(body)} : {headers});
  if (r.status === 204) return null;
  const j = await r.json().catch(() => ({}));
  if (r.status === 401) { signOut(j.error || "sign in again"); throw new ApiError(j.error || "not signed in", 401); }
  if (!r.ok) throw new ApiError(j.error || r.statusText, r.status);
  return j;
}
function signOut(message) {
  localStorage.removeItem(TOKEN); reviewer = null; task = null;
  $("main").classList.add("hidden"); $("signin").classList.remove("hidden");
  for (const b of ["start", "sign-out"]) $(b).classList.add("hidden");
  $("who").textContent = ""; $("status").textContent = ""; $("signin-error").textContent = message || "";
  $("token").value = ""; $("token").focus();
}
async function signIn(token) {
  if (token) localStorage.setItem(TOKEN, token.trim());
  try {
    reviewer = (await api("/api/me")).reviewer;
  } catch (e) { if (e.status !== 401) $("signin-error").textContent = e.message; return false; }
  $("who").textContent = "Signed in as " + reviewer; $("who").dataset.reviewer = reviewer;
  $("signin").classList.add("hidden"); $("main").classList.remove("hidden");
  for (const b of ["start", "sign-out"]) $(b).classList.remove("hidden");
  await progress();
  return true;
}
async function progress() {
  const p = await api("/api/progress");
  $("progress-datasets").innerHTML = "<tr><th>dataset</th><th>closed</th><th>approved</th><th>rejected</th><th>revised</th><th>settled</th></tr>" +
    p.datasets.map(d => `<tr data-dataset="${esc(d.dataset)}"><td>${esc(d.dataset)}</td><td>${d.closed}/${d.tasks}</td><td>${d.approved}</td><td>${d.rejected}</td><td>${d.revised}</td><td>${d.settled}</td></tr>`).join("");
  $("progress-reviewers").innerHTML = "<tr><th>reviewer</th><th>decided</th><th>waiting</th></tr>" +
    p.reviewers.map(r => `<tr data-reviewer="${esc(r.reviewer)}"><td>${esc(r.reviewer)}</td><td class="decided">${r.decided}/${r.assigned}</td><td class="waiting">${r.waiting}</td></tr>`).join("");
}
async function next() {
  if (!reviewer) return;
  $("error").textContent = ""; delete $("error").dataset.conflict;
  try { task = await api("/api/next"); } catch (e) { $("error").textContent = e.message; window.errors = (window.errors || 0) + 1; return; }
  await progress();
  $("task").classList.toggle("hidden", !task); $("empty").classList.toggle("hidden", !!task);
  $("status").textContent = task ? `task ${task.id}` : "nothing waits for you";
  window.loads = (window.loads || 0) + 1;
  Object.assign($("task").dataset, task ? {itemId: task.item_id, kind: task.kind, slot: String(task.slot), id: String(task.id), revisionOf: task.revision_of || ""} : {itemId: "", kind: "", slot: "", id: "", revisionOf: ""});
  if (!task) { $("empty").textContent = "No task waits for you. Thank you."; return; }
  const it = task.item || {question:"(item not in the store or pool)", options:[], rubric:[]};
  $("kind").textContent = task.kind; $("dataset").textContent = task.dataset; $("role").textContent = task.role;
  $("source").textContent = `item ${task.item_id} · ${it.paradigm || ""} ${it.task || ""} · ${it.source || ""}` + (task.round > 1 ? ` · revision round ${task.round} of item ${task.revision_of}` : "");
  $("departments").textContent = it.departments ? `Departments: ${it.departments}` : "";
  $("question").innerHTML = `<p><b>${esc(it.question)}</b></p>`;
  $("options").innerHTML = (it.options || []).map((o, i) => `<li class="opt${(it.answer || "").includes(String.fromCharCode(65 + i)) ? " correct" : ""}">${esc(o)}</li>`).join("");
  $("answer").textContent = it.answer || ""; 
  $("rubric").innerHTML = (it.rubric || []).length ? "<h4>Rubric</h4><ul>" + it.rubric.map(c => `<li>${esc(c.name)} (${c.weight}): ${esc(c.description)}</li>`).join("") + "</ul>" : "";
  $("comment").value = "";
  for (const p of ["qa", "ent", "dispute"]) $(p).classList.add("hidden");
  $("reject-item").classList.toggle("hidden", task.kind !== "entities");
  entities = (task.entities || []).map(e => ({...e}));
  $("context").textContent = it.context || "";
  if (task.kind === "item-qa") {
    $("qa").classList.remove("hidden"); verdicts = {}; task.criteria.forEach(c => verdicts[c.key] = null);
    $("revise").checked = false; document.querySelector("input[value=discard]").checked = true;
    $("rev-question").value = it.question; $("rev-options").value = (it.options || []).join("\n"); $("rev-answer").value = it.answer || "";
    drawCriteria();
  } else if (task.kind === "entities") {
    $("ent").classList.remove("hidden");
    const types = [...new Set(entities.map(e => e.type))];
    $("entity-type").innerHTML = types.map(t => `<option>${esc(t)}</option>`).join("");
    drawEntities();
  } else {
    $("dispute").classList.remove("hidden"); const d = task.dispute;
    $("subject").textContent = d.subject; $("response").textContent = d.response;
    $("scores").textContent = `${d.scorer1}: ${d.score1} · ${d.scorer2}: ${d.score2} (gap ${Math.abs(d.score1 - d.score2).toFixed(2)})`;
    $("score").value = ""; $("score").focus();
  }
}
function drawCriteria() {
  $("criteria").innerHTML = task.criteria.map((c, i) => `<div class="crit"><span><kbd>${i + 1}</kbd> ${esc(c.label)}</span>
    <span><button data-criterion="${c.key}" data-verdict="pass" class="${verdicts[c.key] === true ? "on-pass" : ""}">pass</button>
    <button data-criterion="${c.key}" data-verdict="fail" class="${verdicts[c.key] === false ? "on-fail" : ""}">fail</button></span></div>`).join("");
  const failed = Object.values(verdicts).some(v => v === false);
  $("reject").classList.toggle("hidden", !failed);
  $("revision").classList.toggle("hidden", !(failed && $("revise").checked));
}
function drawEntities() {
  const text = (task.item && task.item.context) || "";
  const spans = entities.map((e, i) => ({...e, i})).filter(e => e.start != null).sort((a, b) => a.start - b.start);
  let html = "", at = 0;
  for (const e of spans) { if (e.start < at) continue; html += esc(text.slice(at, e.start)) + `<mark data-idx="${e.i}" data-type="${esc(e.type)}">${esc(text.slice(e.start, e.end))}</mark>`; at = e.end; }
  $("context").innerHTML = html + esc(text.slice(at));
  $("entity-list").innerHTML = entities.map((e, i) => `<li data-idx="${i}">${esc(e.type)}: ${esc(e.text)} ${e.start != null ? `[${e.start}, ${e.end})` : ""} <button data-remove="${i}">remove</button></li>`).join("");
}
function offsetIn(container, node, offset) {
  const r = document.createRange(); r.setStart(container, 0); r.setEnd(node, offset); return r.toString().length;
}
function addSelection() {
  const sel = window.getSelection(); if (!sel.rangeCount || sel.isCollapsed) { $("error").textContent = "select text in the note first"; return; }
  const range = sel.getRangeAt(0); if (!$("context").contains(range.commonAncestorContainer)) return;
  let start = offsetIn($("context"), range.startContainer, range.startOffset), end = offsetIn($("context"), range.endContainer, range.endOffset);
  const text = task.item.context;
  while (start < end && /\s/.test(text[start])) start++; while (end > start && /\s/.test(text[end - 1])) end--;
  const type = $("new-type").value.trim() || $("entity-type").value;
  if (!type) { $("error").textContent = "pick or type an entity type"; return; }
  entities.push({type, text: text.slice(start, end), start, end}); sel.removeAllRanges(); $("new-type").value = ""; drawEntities();
}
async function submit(accept = true) {
  if (!task) return;
  const comment = $("comment").value;
  try {
    if (task.kind === "item-qa") {
      const missing = task.criteria.filter(c => verdicts[c.key] === null);
      if (missing.length) throw new Error("judge every criterion: " + missing.map(c => c.label).join(", "));
      const action = $("revise").checked ? "revise" : "discard";
      const body = {comment, action, verdicts: task.criteria.map(c => ({criterion: c.key, pass: verdicts[c.key]}))};
      if (action === "revise") body.revision = {question: $("rev-question").value, options: $("rev-options").value.split("\n").map(s => s.trim()).filter(s => s), answer: $("rev-answer").value.trim()};
      await api(`/api/tasks/${task.id}/qa`, body);
    } else if (task.kind === "entities") {
      await api(`/api/tasks/${task.id}/entities`, {comment, accept, entities});
    } else {
      const score = parseFloat($("score").value);
      if (isNaN(score)) throw new Error("enter a score between 0 and 1");
      await api(`/api/tasks/${task.id}/score`, {comment, score});
    }
    await next();
  } catch (e) {
    if (e.status === 409) {
      $("error").textContent = "Not saved: " + e.message + ". Press N for your next task.";
      $("error").dataset.conflict = "yes"; window.conflicts = (window.conflicts || 0) + 1;
    } else $("error").textContent = e.message;
    window.errors = (window.errors || 0) + 1;
  }
}
document.addEventListener("click", e => {
  const t = e.target;
  if (t.dataset.criterion) { verdicts[t.dataset.criterion] = t.dataset.verdict === "pass"; drawCriteria(); }
  else if (t.tagName === "MARK") { entities.splice(+t.dataset.idx, 1); drawEntities(); }
  else if (t.dataset.remove) { entities.splice(+t.dataset.remove, 1); drawEntities(); }
});
$("revise").addEventListener("change", drawCriteria);
document.querySelector("input[value=discard]").addEventListener("change", drawCriteria);
$("start").onclick = next; $("sign-out").onclick = () => signOut("");
$("sign-in").onclick = () => signIn($("token").value);
$("token").addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); signIn($("token").value); } }); $("submit").onclick = () => submit(true); $("reject-item").onclick = () => submit(false);
$("add-entity").onclick = addSelection;
document.addEventListener("keydown", e => {
  const typing = ["TEXTAREA", "INPUT"].includes(e.target.tagName) && e.target.id !== "score";
  if (e.key === "Enter" && !typing) { e.preventDefault(); submit(true); return; }
  if (typing || e.target.id === "score" || e.ctrlKey || e.metaKey) return;
  const k = e.key.toLowerCase();
  if (k === "n") next();
  else if (!task) return;
  else if (task.kind === "item-qa" && /^[1-5]$/.test(k) && task.criteria[+k - 1]) { const c = task.criteria[+k - 1].key; verdicts[c] = verdicts[c] === true ? false : true; drawCriteria(); }
  else if (task.kind === "item-qa" && k === "a") { task.criteria.forEach(c => verdicts[c.key] = true); drawCriteria(); }
  else if (task.kind === "item-qa" && k === "r") { $("revise").checked = true; drawCriteria(); }
  else if (task.kind === "entities" && k === "e") addSelection();
  else if (task.kind === "entities" && k === "x") submit(false);
});
(localStorage.getItem(TOKEN) ? signIn(null) : Promise.resolve(signOut(""))).then(() => document.body.dataset.ready = "yes");
</script></body></html>
""";
}
