#!/usr/bin/env python3
"""report_browser.py - loads an index.html in headless Chromium and checks it.

Usage: report_browser.py INDEX_HTML WORKDIR [--text STRING]... [--layout]

Chromium (Debian's package) runs three times on the file, each with a fresh
profile, every network request sent to a local proxy that only counts
connections, and a net log: once for a screenshot, once printing to PDF,
once dumping the DOM after scripts had time to run. It fails when
- the screenshot is blank (almost every pixel the background colour) or
  the PDF has no pages;
- the page requested anything from the network: the net log holds a
  request for an address other than file: or data: made for the page
  (Chromium's own update and time checks, which no flag fully stops, have
  no origin and no file:// site and are only counted; the proxy sees to it
  that none of them leaves the machine);
- an injected script ran: the page sets data-pwned on <body> when one does,
  and the DOM after loading must not have it, nor any element that the
  report does not write (script, img with onerror, iframe, ...);
- a --text STRING is not in the DOM's text.

With --layout it prints a copy of the page once more, its pictures made
invisible (the same layout, only the page's own text in the PDF), and
reads that PDF with poppler (pdfinfo, pdftotext -bbox). It fails when
- a page is not A4 (portrait, or landscape for the pictures);
- the title page does not hold the contents ("what we saw" starts on
  page 2), or "what we saw" takes more than 3 pages (the chain
  overview's landscape page with the transitions table counted);
- the page budget is not kept: a journey takes more than 1 portrait page
  of text (2 for a journey of more than 40 findings), or more landscape
  pages than its journey map needs (one per band of the map: its height /
  595 pt, so a map of more than 10 stages, drawn in two bands, may take
  one more page); its pathway diagram is in the appendix, one landscape
  page each, which is not counted. A journey starts where the PDF's named
  destination #reis-ID points (Chromium makes one for every link), never
  on a landscape page (under the last band of the map before it);
- a word lies outside its page, on a portrait page outside the margins,
  or over another word on its line (text run out of its box);
- a page ends with a heading (its last line is a heading of the page's
  h2-h5, or the end of a heading of two words or more);
- a word is printed smaller than 7 pt (box height / 1.164, DejaVu Sans's
  ascent + descent).
It prints the pages per journey (text + pictures) and the smallest text,
and the smallest text in the pictures of the real print (not asserted:
the pictures have their own tests).
"""
import html
import html.parser
import json
import math
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import zlib

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions", "--mute-audio",
         "--hide-scrollbars"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("FAIL report browser: no chromium found (make deps installs Debian's chromium)")


class Proxy:
    """Accepts connections on a local port and counts them."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                self.requests.append(conn.recv(200).split(b"\r\n")[0].decode("latin-1"))
            except OSError:
                self.requests.append("(no request line)")
            conn.close()


def run_chromium(browser, work, name, proxy, extra, url):
    profile = os.path.join(work, "profile-" + name)
    netlog = os.path.join(work, "net-" + name + ".json")
    cmd = [browser, *FLAGS, f"--user-data-dir={profile}",
           f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>",
           f"--log-net-log={netlog}", "--net-log-capture-mode=Everything", *extra, url]
    done = subprocess.run(cmd, capture_output=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"FAIL report browser: chromium {name} exited {done.returncode}: "
                 f"{done.stderr.decode(errors='replace')[-600:]}")
    return done.stdout.decode("utf-8", errors="replace"), netlog


def load_netlog(netlog):
    with open(netlog, encoding="utf-8", errors="replace") as f:
        text = f.read().rstrip()
    try:
        return json.loads(text)
    except ValueError:  # cut short: close the event list
        return json.loads(text.rstrip(",") + "]}")


def network_requests(netlog):
    """Addresses other than file: and data: the page asked for, and those
    Chromium asked for on its own (update checks and the like: no origin,
    no file:// site), from the net log."""
    log = load_netlog(netlog)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    page, browser = set(), set()
    for e in log["events"]:
        p = e.get("params") or {}
        url = p.get("url", "")
        if names.get(e["type"]) != "URL_REQUEST_START_JOB" or not url or url.startswith(("file:", "data:")):
            continue
        own = p.get("initiator") == "not an origin" and "file://" not in p.get(
            "network_isolation_key", "") + p.get("site_for_cookies", "")
        (browser if own else page).add(url)
    return sorted(page), sorted(browser)


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"FAIL report browser: {path} is no PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"FAIL report browser: unexpected PNG layout in {path}")
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def inked_share(path):
    """The share of pixels that differ from the top-left (background) pixel."""
    width, height, bpp, rows = png_pixels(path)
    background = bytes(rows[0][:3])
    inked = sum(1 for row in rows[::4] for x in range(0, width * bpp, bpp * 4)
                if bytes(row[x:x + 3]) != background)
    return inked / max(1, len(rows[::4]) * len(range(0, width * bpp, bpp * 4)))


class DomText(__import__("html.parser").parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.problems, self.body_attrs = [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.body_attrs = attrs
        if tag in ("script", "iframe", "object", "embed", "link", "base"):
            self.problems.append(f"<{tag}> in the DOM after loading")
        for name in attrs:
            if name.startswith("on"):
                self.problems.append(f"event attribute {name} on <{tag}> in the DOM")

    def handle_data(self, data):
        self.text.append(data.replace("\xad", ""))  # the report's soft hyphens


MIN_PT = 7.0
EM_BOX = 1.164       # DejaVu Sans: word box height per point of font size
PORTRAIT_MARGIN = 28  # pt: the @page side margin (11 mm = 31 pt) less slack


def poppler(*args):
    done = subprocess.run(list(args), capture_output=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"FAIL report browser: {args[0]} exited {done.returncode}: "
                 f"{done.stderr.decode(errors='replace')[-300:]}")
    return done.stdout.decode("utf-8", errors="replace")


def page_sizes(pdf):
    """[(width, height)] of every page, in points."""
    n = int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", pdf), re.M).group(1))
    info = poppler("pdfinfo", "-f", "1", "-l", str(n), pdf)
    return [(float(w), float(h)) for w, h in
            re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


def destinations(pdf):
    """{name: (page, y)} of the PDF's named destinations."""
    dests = {}
    for line in poppler("pdfinfo", "-dests", pdf).splitlines():
        m = re.match(r'\s*(\d+)\s+\[\s*XYZ\s+\S+\s+(\S+).*\]\s+"(.*)"$', line)
        if m:
            y = float(m.group(2)) if m.group(2) != "null" else 1e9
            dests.setdefault(m.group(3), (int(m.group(1)), y))
    return dests


def words(pdf):
    """Per page: [(xMin, yMin, xMax, yMax, text)] from pdftotext -bbox."""
    pages = []
    for chunk in poppler("pdftotext", "-bbox", pdf, "-").split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), html.unescape(t).replace("\xad", ""))
                      for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)',
            chunk)])
    return pages


class Pictures(html.parser.HTMLParser):
    """The journeys in page order, each with the landscape pages its
    pictures in its section need (the map's height / 595 pt) and its
    findings (data-findings); and the texts of the headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.journeys, self.figure = [], None  # [[id, pages]], class of the open figure
        self.headings, self.heading = [], None  # texts; the one being read
        self.findings = {}  # id -> findings in its section
        self.in_journeys = False  # in the journeys' sections (not the appendix)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        cls = (attrs.get("class") or "").split()
        if tag in ("h2", "h3", "h4", "h5"):
            self.heading = []
        if tag == "section" and "journey" in cls:
            self.journeys.append([attrs.get("id", "")[len("reis-"):], 0])
            self.findings[self.journeys[-1][0]] = 0
            self.in_journeys = True
        elif tag == "section" and attrs.get("id") in ("overgeslagen", "andere-bestanden", "bijlage"):
            self.in_journeys = False
        elif tag in ("tr", "li") and "finding" in cls and self.in_journeys:
            self.findings[self.journeys[-1][0]] += int(attrs.get("data-findings") or 1)
        elif tag == "figure" and self.in_journeys:
            self.figure = cls
        elif tag == "svg" and self.figure is not None and self.in_journeys:
            height = re.match(r"([\d.]+)pt$", attrs.get("height", "") or "")
            bands = math.ceil(float(height.group(1)) / 596) if "map" in self.figure and height else 1
            self.journeys[-1][1] += max(1, bands)
            self.figure = None

    def handle_endtag(self, tag):
        if tag == "figure":
            self.figure = None
        if tag in ("h2", "h3", "h4", "h5") and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).split()))
            self.heading = None

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)


def last_line(page_words, height):
    """The text of the lowest line above the page's bottom margin."""
    body = [w for w in page_words if w[3] < height - 30]
    if not body:
        return ""
    bottom = max(w[3] for w in body)
    return " ".join(w[4] for w in sorted(w for w in body if abs(w[3] - bottom) < 1.5))


def heading_at_foot(line, headings):
    """Whether a page's last line is a heading or the end of one."""
    if not line:
        return False
    return any(line == h or (len(line.split()) >= 2 and h.endswith(" " + line)) for h in headings)


def print_without_pictures(browser, work, proxy, index):
    """A copy of the page with its pictures invisible (layout unchanged),
    printed to PDF."""
    with open(index, encoding="utf-8") as f:
        page = f.read()
    copy = os.path.join(work, "no-pictures.html")
    with open(copy, "w", encoding="utf-8") as f:
        f.write(page.replace("</head>", "<style>figure svg,figure img{visibility:hidden}</style>"
                             "</head>", 1))
    pdf = os.path.join(work, "layout.pdf")
    run_chromium(browser, work, "layout", proxy, ["--no-pdf-header-footer", f"--print-to-pdf={pdf}"],
                 "file://" + copy)
    return page, pdf


def journey_pages(sizes, dests, journeys, texts):
    """{id: (portrait pages, landscape pages)} from the destinations #reis-ID;
    a destination at the foot of a page (a section that starts with a page
    break) means the next page."""
    starts = []
    for jid, _ in journeys:
        page, y = dests.get("reis-" + jid, (None, 0))
        if page is None:
            continue
        if y < 60 and page < len(sizes):
            page += 1
        starts.append((jid, page))
    ends = [p for name, (p, _) in dests.items()
            if name in ("overgeslagen", "andere-bestanden", "bijlage")]
    end_of_journeys = min(ends) if ends else len(sizes) + 1
    result = {}
    for k, (jid, first) in enumerate(starts):
        last = starts[k + 1][1] - 1 if k + 1 < len(starts) else end_of_journeys - 1
        if last < first:  # the next one starts on this page
            last = first
        wide = sum(1 for p in range(first, last + 1) if sizes[p - 1][0] > sizes[p - 1][1])
        result[jid] = (last - first + 1 - wide, wide)
    return result


def overlapping(page_words):
    """The first pair of words on one line whose boxes overlap, or None."""
    lines = {}
    for w in page_words:
        lines.setdefault(round(w[3]), []).append(w)
    for line in lines.values():
        line.sort()
        for a, b in zip(line, line[1:]):
            if b[0] < a[2] - 1.0 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * (a[3] - a[1]):
                return a, b
    return None


def text_pages(findings):
    """A journey's budget of portrait pages: 1, or 2 for more than 40
    findings (Ruud's as-is journey: 17 rules)."""
    return 2 if findings > 40 else 1


def check_layout(browser, work, proxy, index):
    """Problems of the printed page (see the top of this file) and a line
    of what was measured."""
    problems = []
    page, pdf = print_without_pictures(browser, work, proxy, index)
    sizes, dests, pages = page_sizes(pdf), destinations(pdf), words(pdf)
    for n, (w, h) in enumerate(sizes, 1):
        if sorted((round(w), round(h))) != [595, 842]:
            problems.append(f"page {n} is {w:.0f} x {h:.0f} pt, not A4")
    summary = dests.get("samenvatting", (0, 0))[0]
    if summary != 2:
        problems.append(f"'what we saw' starts on page {summary}: the title page does not hold "
                        "the contents")
    pictures = Pictures()
    pictures.feed(page)
    spread = journey_pages(sizes, dests, pictures.journeys, pages)
    first_journey = min((dests["reis-" + j][0] for j, _ in pictures.journeys
                         if "reis-" + j in dests), default=summary + 1)
    # the chain overview has a landscape page of its own, not counted
    summary_pages = first_journey - summary if summary else 0
    if summary_pages > 3:
        problems.append(f"'what we saw' takes {summary_pages} pages (the overview's landscape page "
                        f"counted), more than 3")
    for jid, needed in pictures.journeys:
        page, y = dests.get("reis-" + jid, (0, 0))
        if page and sizes[page - 1][0] > sizes[page - 1][1] and y >= 60:
            problems.append(f"journey {jid} starts on page {page}, a landscape page "
                            "(under the map of the journey before it)")
        text, wide = spread.get(jid, (0, 0))
        if jid not in spread:
            problems.append(f"journey {jid}: no destination #reis-{jid} in the PDF")
        elif text > text_pages(pictures.findings[jid]) or wide > needed:
            problems.append(f"journey {jid}: {text} pages of text and {wide} of pictures, "
                            f"more than {text_pages(pictures.findings[jid])} and {needed}")
    smallest = (99.0, "", 0)
    for n, (page_words, (w, h)) in enumerate(zip(pages, sizes), 1):
        margin = PORTRAIT_MARGIN if w < h else 0
        for x0, y0, x1, y1, t in page_words:
            if x0 < margin - 0.5 or x1 > w - margin + 0.5 or y0 < -0.5 or y1 > h + 0.5:
                problems.append(f"page {n}: {t!r} outside the page's text area "
                                f"(x {x0:.0f}-{x1:.0f} of {w:.0f} pt)")
                break
        for x0, y0, x1, y1, t in page_words:
            if (y1 - y0) / EM_BOX < smallest[0]:
                smallest = ((y1 - y0) / EM_BOX, t, n)
        # page 1 ends with the contents, whose entries repeat the headings
        if w < h and 1 < n < len(sizes) and heading_at_foot(last_line(page_words, h), pictures.headings):
            problems.append(f"page {n} ends with the heading {last_line(page_words, h)!r}")
        pair = overlapping(page_words)
        if pair:
            problems.append(f"page {n}: {pair[0][4]!r} and {pair[1][4]!r} overlap "
                            "(text out of its box)")
    if smallest[0] < MIN_PT - 0.05:
        problems.append(f"{smallest[1]!r} on page {smallest[2]} is {smallest[0]:.2f} pt, "
                        f"smaller than {MIN_PT} pt")
    budget = ", ".join(f"{j} {spread[j][0]}+{spread[j][1]}" for j, _ in pictures.journeys
                       if j in spread)
    measured = (f"{len(sizes)} pages; what we saw from page {summary}; per journey text+pictures: "
                f"{budget}; smallest text {smallest[0]:.2f} pt")
    return problems, measured


def smallest_in_pictures(pdf):
    """The smallest word on the landscape pages of the real print (pt)."""
    sizes, pages = page_sizes(pdf), words(pdf)
    heights = [(y1 - y0) / EM_BOX for page_words, (w, h) in zip(pages, sizes) if w > h
               for _, y0, _, y1, _ in page_words]
    return min(heights, default=0.0)


def main():
    index, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    texts = [sys.argv[i + 1] for i in range(3, len(sys.argv) - 1) if sys.argv[i] == "--text"]
    layout = "--layout" in sys.argv[3:]
    os.makedirs(work, exist_ok=True)
    browser, proxy, url = chromium(), Proxy(), "file://" + index
    chrome = browser
    problems, netlogs = [], []
    shot, pdf = os.path.join(work, "screenshot.png"), os.path.join(work, "report.pdf")
    _, log = run_chromium(browser, work, "shot", proxy,
                          ["--window-size=1280,1600", f"--screenshot={shot}"], url)
    netlogs.append(log)
    _, log = run_chromium(browser, work, "pdf", proxy,
                          ["--no-pdf-header-footer", f"--print-to-pdf={pdf}"], url)
    netlogs.append(log)
    dom, log = run_chromium(browser, work, "dom", proxy,
                            ["--virtual-time-budget=3000", "--dump-dom"], url)
    netlogs.append(log)

    share = inked_share(shot)
    if share < 0.02:
        problems.append(f"the screenshot is blank ({share:.1%} of pixels inked)")
    with open(pdf, "rb") as f:
        pdf_bytes = f.read()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf_bytes))
    if not pdf_bytes.startswith(b"%PDF-") or pages < 1:
        problems.append(f"the PDF print has no pages ({len(pdf_bytes)} bytes)")
    own = set()
    for log in netlogs:
        page, browser = network_requests(log)
        own.update(browser)
        for u in page:
            problems.append(f"the page requested {u}")
    if len(proxy.requests) > len(own) * 3 + 3:
        problems.append(f"more connections than Chromium's own requests explain: {proxy.requests}")
    parsed = DomText()
    parsed.feed(dom)
    problems += parsed.problems
    if "data-pwned" in parsed.body_attrs:
        problems.append(f"an injected script ran: body data-pwned={parsed.body_attrs['data-pwned']!r}")
    text = " ".join("".join(parsed.text).split())
    if len(text) < 200:
        problems.append(f"the DOM holds almost no text ({len(text)} characters)")
    for t in texts:
        if " ".join(t.split()) not in text:
            problems.append(f"text {t!r} not in the DOM")
    if layout:
        found, measured = check_layout(chrome, work, proxy, index)
        problems += found
        measured += f"; pictures (not asserted) from {smallest_in_pictures(pdf):.2f} pt"
        print(f"report layout {index}: {measured}")
    for p in problems:
        print(f"FAIL report browser {index}: {p}")
    if not problems:
        print(f"report browser {index}: {share:.1%} inked, {pages} PDF pages, "
              f"no request by the page ({len(own)} by Chromium itself)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
