#!/usr/bin/env python3
"""Loads HTML files in headless Chromium and fails on console errors or any outside request.

Usage: browser_check.py CHROMIUM FILE.html [FILE.html ...]
       browser_check.py --expect-failure CHROMIUM CANARY.html

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
fd 3, replies on fd 4, each message ending in a NUL byte), so only the standard library is
needed. For each file it records every request the page makes (Network.requestWillBeSent:
any URL but the file itself fails the check, whether or not it could load), every console
error, log error and uncaught exception, and checks that the report's script ran (sortable
headers and the people filter exist). With --expect-failure it exits 0 only when the canary
page *is* caught, which proves the detector still sees requests and errors.
"""

import json
import os
import pathlib
import select
import subprocess
import sys
import tempfile
import time

LOAD_TIMEOUT = 30.0  # seconds to wait for the load event
SETTLE = 1.0  # seconds to keep listening after load, for late requests and errors
ENHANCED = (
    "document.querySelectorAll('table.sortable th button').length > 0"
    " && document.querySelectorAll('input.filter').length > 0"
)


class Browser:
    """One headless Chromium driven over the DevTools pipe."""

    def __init__(self, chromium, profile):
        self.log = open(os.path.join(profile, "chromium.log"), "wb")
        to_child_read, self._to_child = os.pipe()
        self._from_child, from_child_write = os.pipe()

        def arrange_fds():
            # Move both ends out of the way first, so neither dup2 can clobber the other.
            high_read = os.dup(to_child_read)
            high_write = os.dup(from_child_write)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [
                chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update",
                "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}",
                "--remote-debugging-pipe", "about:blank",
            ],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
            # Fds 3 and 4 are open here (the four pipe ends took the lowest free numbers),
            # so keeping them is safe; every other descriptor is closed in Chromium.
            preexec_fn=arrange_fds, pass_fds=(3, 4),
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=LOAD_TIMEOUT):
        """Sends a command and returns its result, keeping the events that arrive meanwhile."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply is None:
                raise RuntimeError(f"no reply to {method} within {timeout:.0f} s")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method} failed: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout):
        """Waits for an event, returning False on timeout; keeps every event seen."""
        deadline = time.monotonic() + timeout
        while True:
            event = self._read(deadline)
            if event is None:
                return False
            self.events.append(event)
            if event.get("method") == method:
                return True

    def listen(self, seconds):
        """Collects events for a while."""
        deadline = time.monotonic() + seconds
        while (event := self._read(deadline)) is not None:
            self.events.append(event)

    def _read(self, deadline):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._from_child], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._from_child, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self):
        try:
            os.write(self._to_child, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        os.close(self._to_child)
        os.close(self._from_child)
        self.log.close()


def check(chromium, path):
    """Returns the problems found when loading `path`; an empty list means it passed."""
    url = pathlib.Path(path).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="browser-check-profile-") as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send(
                "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Network", "Page"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Page.navigate", {"url": url}, session=session)
            if not browser.wait_for("Page.loadEventFired", LOAD_TIMEOUT):
                return [f"the page did not finish loading within {LOAD_TIMEOUT:.0f} s"]
            browser.listen(SETTLE)
            enhanced = browser.send(
                "Runtime.evaluate", {"expression": ENHANCED, "returnByValue": True},
                session=session)
        finally:
            browser.close()
    problems = []
    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            requested = params.get("request", {}).get("url", "")
            if requested.split("#", 1)[0] != url:
                problems.append(f"request to {requested}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append(f"console error: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            problems.append(f"uncaught exception: {text}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append(f"log error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".rstrip())
    if enhanced.get("result", {}).get("value") is not True:
        problems.append("the report's script did not add sorting buttons and the people filter")
    return problems


def main(arguments):
    expect_failure = arguments[:1] == ["--expect-failure"]
    if expect_failure:
        arguments = arguments[1:]
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    chromium, files = arguments[0], arguments[1:]
    failed = False
    for path in files:
        problems = check(chromium, path)
        if expect_failure:
            requests = [p for p in problems if p.startswith("request to")]
            errors = [p for p in problems if "error" in p or "exception" in p]
            if requests and errors:
                print(f"{path}: canary caught as expected ({len(requests)} request(s), "
                      f"{len(errors)} error(s))")
            else:
                print(f"{path}: error: the canary page was not caught; the detector is blind "
                      f"(found: {problems or 'nothing'})", file=sys.stderr)
                failed = True
        elif problems:
            for problem in problems:
                print(f"{path}: error: {problem}", file=sys.stderr)
            failed = True
        else:
            print(f"{path}: ok (no outside request, no console error, script ran)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
