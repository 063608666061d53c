// axe.js - runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on report pages in Debian's Chromium and fails on any violation.
//
// Usage: node tests/a11y/axe.js TOOLS_DIR FILE.html...
//
// TOOLS_DIR is the folder `make deps` installed axe-core and puppeteer-core
// into (tests/a11y/package.json). Chromium is Debian's /usr/bin/chromium
// (CHROMIUM overrides it), headless, with a fresh profile; no browser is
// ever downloaded. Each page is loaded through file://; axe is put into the
// page by this test (the report itself carries no script). Any request the
// page makes for something other than a file: or data: address is refused
// and counted as a failure too. Prints per page every violation with its
// rule, impact, target and a short summary, and the rules axe could not
// decide ("incomplete") as notes; exits 1 when any page has a violation.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const url = require("url");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-default-apps", "--disable-extensions",
    "--mute-audio", "--hide-scrollbars"];

// The WCAG tags of axe-core for levels A and AA, and the landmark and
// heading rules of its best practices that issue 14 asks for by name.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const EXTRA_RULES = ["landmark-one-main", "region", "heading-order",
    "page-has-heading-one", "landmark-unique", "landmark-no-duplicate-main"];

function usage() {
    process.stderr.write("usage: node axe.js TOOLS_DIR FILE.html...\n");
    process.exit(2);
}

function shortTarget(node) {
    return node.target.map(String).join(" ").slice(0, 120);
}

function printViolations(name, results) {
    for (const v of results.violations) {
        console.log(`FAIL a11y: ${name}: ${v.id} (${v.impact}), ${v.nodes.length} ` +
            `element(s): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) {
            const why = (node.failureSummary || "").split("\n").slice(1, 2).join(" ").trim();
            console.log(`    ${shortTarget(node)}${why ? ": " + why.slice(0, 220) : ""}`);
        }
        if (v.nodes.length > 5)
            console.log(`    ... and ${v.nodes.length - 5} more`);
    }
    for (const v of results.incomplete)
        console.log(`note a11y: ${name}: ${v.id} needs review on ${v.nodes.length} element(s)`);
}

// Text in inline SVG: axe cannot tell what lies behind it, so this
// check does. For every <text> (Graphviz) and every glyph <use> (cairo,
// the journey map) it composes the fills of the shapes of the same
// picture under the text's centre, bottom to top over the white page, and
// measures the WCAG contrast of the text's fill against that: at least
// 4.5:1 for all text, whatever its size. A text that is only a shape or
// an arrow (▶ ● ▲ ⬢ →: a legend sample, an impact glyph on its own) is a
// graphical object, and WCAG 1.4.11 asks 3:1 of it. Runs in the page.
function svgTextContrast(minimum) {
    const parse = (c) => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c || "");
        return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
    };
    const luminance = (rgb) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
    };
    const ratio = (a, b) => {
        const x = luminance(a), y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const over = (top, alpha, under) => under.map((u, i) => top[i] * alpha + u * (1 - alpha));
    const paint = (el) => {
        const style = getComputedStyle(el);
        const c = parse(style.fill);
        if (!c || style.visibility === "hidden" || style.display === "none") return null;
        const alpha = c[3] * (+style.fillOpacity) * (+style.opacity || 1);
        return alpha > 0 ? { rgb: c.slice(0, 3), alpha } : null;
    };
    const failures = [];
    let texts = 0, glyphs = 0, lowest = Infinity;
    for (const svg of document.querySelectorAll("svg")) {
        const shapes = [];
        for (const el of svg.querySelectorAll("rect, polygon, path, ellipse, circle")) {
            if (el.closest("defs, symbol")) continue;
            const p = paint(el);
            if (p) shapes.push({ el, p, box: el.getBoundingClientRect() });
        }
        const name = (svg.querySelector("title") || {}).textContent || "svg";
        const seen = new Set();
        for (const t of svg.querySelectorAll("text, use")) {
            if (t.tagName === "use" && !/glyph/.test(t.getAttribute("xlink:href") || t.getAttribute("href") || ""))
                continue;
            const p = paint(t);
            const box = t.getBoundingClientRect();
            if (!p || box.width === 0 || box.height === 0) continue;
            const x = box.left + box.width / 2, y = box.top + box.height / 2;
            let under = [255, 255, 255];
            for (const s of shapes) {
                const b = s.box;
                if (x < b.left || x > b.right || y < b.top || y > b.bottom) continue;
                const ctm = s.el.getScreenCTM();
                if (!ctm) continue;
                const local = new DOMPoint(x, y).matrixTransform(ctm.inverse());
                if (s.el.isPointInFill(local)) under = over(s.p.rgb, s.p.alpha, under);
            }
            const fg = over(p.rgb, p.alpha, under);
            const r = ratio(fg, under);
            if (t.tagName === "use") glyphs++;
            else texts++;
            lowest = Math.min(lowest, r);
            const content = (t.textContent || "").trim();
            const graphic = content !== "" && /^[\u2190-\u21ff\u25a0-\u25ff\u2b00-\u2bff\s]+$/u.test(content);
            if (r < (graphic ? 3 : minimum)) {
                const what = (t.textContent || t.parentNode.getAttribute("style") || "").trim().slice(0, 40);
                const key = name + "|" + fg.map(Math.round) + "|" + under.map(Math.round);
                if (seen.has(key)) continue;
                seen.add(key);
                failures.push(`${name.slice(0, 50)}: "${what}" ${r.toFixed(2)}:1 ` +
                    `(text rgb(${fg.map(Math.round)}) on rgb(${under.map(Math.round)}))`);
            }
        }
    }
    return { texts, glyphs, lowest, failures };
}

async function checkPage(browser, axeSource, file) {
    const page = await browser.newPage();
    const outside = [];
    await page.setRequestInterception(true);
    page.on("request", (req) => {
        const address = req.url();
        if (address.startsWith("file:") || address.startsWith("data:")) {
            req.continue();
        } else {
            outside.push(address);
            req.abort();
        }
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url.pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    // Evaluated through the DevTools protocol: the page's own policy
    // (it allows no script) does not apply to it.
    await page.evaluate(axeSource);
    const results = await page.evaluate(async (tags, extra) => {
        const rules = {};
        for (const id of extra) rules[id] = { enabled: true };
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, {
            runOnly: { type: "tag", values: tags },
            rules: rules,
            resultTypes: ["violations", "incomplete"],
        });
        const keep = (list) => list.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }));
        return { violations: keep(r.violations), incomplete: keep(r.incomplete) };
    }, WCAG_TAGS, EXTRA_RULES);
    const svg = await page.evaluate(svgTextContrast, 4.5);
    await page.close();
    return { results, outside, svg };
}

async function main() {
    const args = process.argv.slice(2);
    if (args.length < 2) usage();
    const tools = path.resolve(args[0]);
    const files = args.slice(1);
    const need = (name) => require(require.resolve(name, { paths: [tools] }));
    let puppeteer, axeSource;
    try {
        puppeteer = need("puppeteer-core");
        axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js", { paths: [tools] }), "utf8");
    } catch (e) {
        console.log(`FAIL a11y: the test tools are not in ${tools} (run make deps): ${e.message}`);
        process.exit(1);
    }
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "keten-a11y-profile."));
    const browser = await puppeteer.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        headless: true,
        userDataDir: profile,
        args: FLAGS,
    });
    let failed = 0;
    try {
        for (const file of files) {
            const { results, outside, svg } = await checkPage(browser, axeSource, file);
            printViolations(file, results);
            for (const line of svg.failures)
                console.log(`FAIL a11y: ${file}: svg-text-contrast: ${line}`);
            for (const address of outside)
                console.log(`FAIL a11y: ${file}: requested ${address.slice(0, 120)}`);
            if (results.violations.length || outside.length || svg.failures.length) failed++;
            else console.log(`ok a11y: ${file}: no violation; ` +
                `in pictures ${svg.texts} texts and ${svg.glyphs} glyphs, lowest contrast ` +
                `${svg.lowest === Infinity ? "-" : svg.lowest.toFixed(2) + ":1"}`);
        }
    } finally {
        await browser.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
    process.exit(failed ? 1 : 0);
}

main().catch((e) => {
    console.log(`FAIL a11y: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
});
