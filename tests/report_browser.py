#!/usr/bin/env python3
"""report_browser.py - loads an index.html in headless Chromium and checks it.

Usage: report_browser.py INDEX_HTML WORKDIR [--text STRING]...

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
"""
import json
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
        self.text.append(data)


def main():
    index, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    texts = [sys.argv[i + 1] for i in range(3, len(sys.argv) - 1, 2) if sys.argv[i] == "--text"]
    os.makedirs(work, exist_ok=True)
    browser, proxy, url = chromium(), Proxy(), "file://" + index
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
    for p in problems:
        print(f"FAIL report browser {index}: {p}")
    if not problems:
        print(f"report browser {index}: {share:.1%} inked, {pages} PDF pages, "
              f"no request by the page ({len(own)} by Chromium itself)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
