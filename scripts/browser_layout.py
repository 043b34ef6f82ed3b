#!/usr/bin/env python3
"""Checks in headless Chromium that no table or section of a report is cut off at a window width.

Usage: browser_layout.py [--width PX] [--screenshots DIR] CHROMIUM FILE.html [FILE.html ...]
       browser_layout.py --expect-failure CHROMIUM CANARY.html

Each file is loaded in a window PX wide (default 1400) through the DevTools protocol (the
`Browser` of scripts/browser_check.py), and a script in the page measures the layout:

- the page itself does not scroll sideways (document.documentElement.scrollWidth is at most
  the window's width), so nothing sticks out past the window's edge;
- every table either fits inside its section, or sits in a scroll container (overflow-x auto
  or scroll) that itself fits inside the section and can scroll to the table's right edge;
- no section is wider than its box, and no table cell whose overflow is hidden holds text
  wider than the cell.

With --screenshots, the top of the page and of every section are saved as PNG files
(NAME-top.png, NAME-SECTION.png), so a person can look at what was measured. With
--expect-failure it exits 0 only when the canary page *is* caught, which proves the probe
still sees a table that does not fit.
"""

import base64
import json
import os
import pathlib
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_check import LOAD_TIMEOUT, Browser  # noqa: E402

# Runs in the page; returns a list of problems, each a sentence.
PROBE = r"""
(() => {
  // Folded departments count too: open them all before measuring.
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const problems = [];
  const scrolling = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  const name = (el) => {
    const section = el.closest('section');
    const where = section ? `section #${section.id}` : 'the page';
    return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} in ${where}`;
  };
  if (root.scrollWidth > width + 1) {
    problems.push(`the page is ${root.scrollWidth} px wide in a ${width} px window`);
  }
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const table of document.querySelectorAll('table')) {
    const box = (table.closest('section') || document.body).getBoundingClientRect();
    const rect = table.getBoundingClientRect();
    let scroller = table.parentElement;
    while (scroller && scroller !== document.body && !scrolls(scroller)) {
      scroller = scroller.parentElement;
    }
    if (scroller && scroller !== document.body) {
      const outer = scroller.getBoundingClientRect();
      if (outer.right > box.right + 1 || outer.left < box.left - 1) {
        problems.push(`the scroll box of ${name(table)} is wider than its section`);
      }
      // The table's right edge must be reachable by scrolling the box.
      const reach = scroller.scrollWidth - scroller.clientWidth;
      if (reach > 1) scrolling.push(name(table));
      const needed = rect.right - outer.right + scroller.scrollLeft;
      if (needed > reach + 1) {
        problems.push(`${name(table)} reaches ${Math.round(needed)} px past its scroll box, ` +
                      `which scrolls only ${reach} px`);
      }
    } else if (rect.right > box.right + 1 || rect.left < box.left - 1) {
      problems.push(`${name(table)} is ${Math.round(rect.width)} px wide and sticks out of its ` +
                    `section (${Math.round(box.width)} px) with no scroll box`);
    }
  }
  for (const section of document.querySelectorAll('section')) {
    if (section.scrollWidth > section.clientWidth + 1 &&
        !['auto', 'scroll'].includes(getComputedStyle(section).overflowX)) {
      problems.push(`section #${section.id} holds content ${section.scrollWidth} px wide in ` +
                    `${section.clientWidth} px`);
    }
  }
  let clipped = 0, first = '';
  for (const cell of document.querySelectorAll('td, th')) {
    if (cell.scrollWidth <= cell.clientWidth + 1) continue;
    const overflow = getComputedStyle(cell).overflowX;
    if (overflow === 'hidden' || overflow === 'clip') {
      clipped += 1;
      if (!first) first = `${name(cell)}: "${cell.textContent.trim().slice(0, 40)}"`;
    }
  }
  if (clipped) problems.push(`${clipped} table cell(s) cut their text off, first ${first}`);
  return {problems, scrolling, width, height: root.scrollHeight,
          sections: [...document.querySelectorAll('section[id]')].map((s) => s.id),
          tables: document.querySelectorAll('table').length};
})()
"""


def evaluate(browser, session, expression):
    reply = browser.send(
        "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session,
        timeout=120)
    if "exceptionDetails" in reply:
        raise RuntimeError(f"the probe failed: {reply['exceptionDetails']}")
    return reply.get("result", {}).get("value")


def screenshot(browser, session, path):
    data = browser.send("Page.captureScreenshot", {"format": "png"}, session=session,
                        timeout=120)["data"]
    pathlib.Path(path).write_bytes(base64.b64decode(data))


def check(chromium, path, width, screenshots):
    """Returns (problems, facts) for `path` rendered `width` px wide."""
    url = pathlib.Path(path).resolve().as_uri()
    stem = pathlib.Path(path).stem
    with tempfile.TemporaryDirectory(prefix="browser-layout-profile-") as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send(
                "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            browser.send("Page.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False,
            }, session=session)
            browser.send("Page.navigate", {"url": url}, session=session)
            if not browser.wait_for("Page.loadEventFired", LOAD_TIMEOUT * 4):
                return [f"the page did not finish loading within {LOAD_TIMEOUT * 4:.0f} s"], {}
            facts = evaluate(browser, session, PROBE)
            if screenshots:
                os.makedirs(screenshots, exist_ok=True)
                screenshot(browser, session, os.path.join(screenshots, f"{stem}-top.png"))
                for section in facts["sections"]:
                    evaluate(browser, session,
                             f"document.getElementById({json.dumps(section)}).scrollIntoView()")
                    screenshot(browser, session,
                               os.path.join(screenshots, f"{stem}-{section}.png"))
        finally:
            browser.close()
    return facts["problems"], facts


def main(arguments):
    expect_failure = arguments[:1] == ["--expect-failure"]
    if expect_failure:
        arguments = arguments[1:]
    width, screenshots = 1400, None
    while arguments[:1] and arguments[0].startswith("--"):
        if arguments[0] == "--width" and len(arguments) > 1:
            width, arguments = int(arguments[1]), arguments[2:]
        elif arguments[0] == "--screenshots" and len(arguments) > 1:
            screenshots, arguments = arguments[1], arguments[2:]
        else:
            print(f"browser_layout.py: error: unknown option {arguments[0]}", file=sys.stderr)
            return 2
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    chromium, files = arguments[0], arguments[1:]
    failed = False
    for path in files:
        problems, facts = check(chromium, path, width, screenshots)
        if expect_failure:
            # The canary's table must be named, not only the page's width.
            if any("sticks out" in problem for problem in problems):
                print(f"{path}: canary caught as expected ({'; '.join(problems)})")
            else:
                print(f"{path}: error: the canary page was not caught; the layout probe is "
                      f"blind", file=sys.stderr)
                failed = True
        elif problems:
            for problem in problems:
                print(f"{path}: error: {problem}", file=sys.stderr)
            failed = True
        else:
            scrolling = sorted(set(facts["scrolling"]))
            print(f"{path}: ok at {width} px ({facts['tables']} tables in "
                  f"{len(facts['sections'])} sections, {len(facts['scrolling'])} of them "
                  f"scrolling inside their section ({', '.join(scrolling) or 'none'}); page "
                  f"{facts['height']} px tall)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
