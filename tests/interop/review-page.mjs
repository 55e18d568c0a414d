// Drives the review page (curate review serve) in headless chromium with playwright-core: every reviewer
// takes their next task until none is left, deciding by the plan given on stdin, with keyboard shortcuts
// and click-to-correct entity spans. Input: {url, executablePath, args, plan}. Output: JSON of what was done.
import { chromium } from "playwright-core";

const input = JSON.parse(await new Promise(resolve => {
  let text = "";
  process.stdin.on("data", d => (text += d));
  process.stdin.on("end", () => resolve(text));
}));
const browser = await chromium.launch({ executablePath: input.executablePath, args: input.args, headless: true });
const done = [];
try {
  const page = await browser.newPage();
  page.on("pageerror", e => { throw e; });
  await page.goto(input.url);
  await page.waitForSelector("body[data-ready=yes]");
  const reviewers = await page.$$eval("#reviewer option", os => os.map(o => o.value));

  async function act(fn) {
    const before = await page.evaluate(() => [window.loads || 0, window.errors || 0]);
    await fn();
    await page.waitForFunction(b => (window.loads || 0) > b[0] || (window.errors || 0) > b[1], before);
    const error = await page.textContent("#error");
    if (error) throw new Error(`page error: ${error}`);
  }

  async function selectText(word) {
    await page.evaluate(w => {
      const ctx = document.getElementById("context");
      const walker = document.createTreeWalker(ctx, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(w);
        if (i >= 0 && n.parentElement === ctx) {
          const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + w.length);
          const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return;
        }
      }
      throw new Error(`'${w}' not found unmarked in the note`);
    }, word);
  }

  for (let round = 0; round < 6; round++) {
    let any = false;
    for (const reviewer of reviewers) {
      await page.selectOption("#reviewer", reviewer);
      await page.evaluate(() => document.activeElement.blur());
      await act(() => page.keyboard.press("n"));
      for (let guard = 0; guard < 50; guard++) {
        const t = await page.$eval("#task", el => ({ ...el.dataset }));
        if (!t.itemId) break;
        any = true;
        const plan = input.plan[t.kind.endsWith("dispute") ? `${t.itemId}#${t.kind}` : t.itemId] ?? input.plan[`revision-of:${t.revisionOf}`];
        const step = typeof plan === "object" ? plan?.[t.slot] : plan;
        if (!step) throw new Error(`no plan for item ${t.itemId} slot ${t.slot}`);
        await page.evaluate(() => document.activeElement.blur());
        if (t.kind === "item-qa") {
          await page.keyboard.press("a");
          if (step === "fail") await page.keyboard.press("3");
          if (step === "fail") await page.fill("#comment", "answer is not supported by the source");
          if (step === "revise") {
            await page.keyboard.press("4");
            await page.keyboard.press("r");
            const options = (await page.inputValue("#rev-options")).split("\n");
            options[1] = "Insulin glargine at bedtime";
            await page.fill("#rev-options", options.join("\n"));
            await page.fill("#comment", "option B was implausible");
          }
          await page.evaluate(() => document.activeElement.blur());
          await act(() => page.keyboard.press("Enter"));
        } else if (t.kind === "entities") {
          for (const word of step.remove ?? []) await page.click(`#context mark:text-is("${word}")`);
          for (const [word, type] of step.add ?? []) {
            await page.selectOption("#entity-type", type);
            await page.evaluate(() => document.activeElement.blur());
            await selectText(word);
            await page.keyboard.press("e");
          }
          const marks = await page.$$eval("#context mark", ms => ms.map(m => m.textContent));
          await act(() => page.keyboard.press("Enter"));
          done.push({ reviewer, item: t.itemId, kind: t.kind, slot: +t.slot, marks });
          continue;
        } else {
          await page.fill("#score", String(step));
          await act(() => page.press("#score", "Enter"));
        }
        done.push({ reviewer, item: t.itemId, kind: t.kind, slot: +t.slot, step });
      }
    }
    if (!any) break;
  }
  const progress = await page.$$eval("#progress-datasets tr[data-dataset]", rows => rows.map(r => [r.dataset.dataset, r.children[1].textContent]));
  process.stdout.write(JSON.stringify({ done, progress }));
} finally {
  await browser.close();
}
