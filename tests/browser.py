"""Headless Chromium driven over the DevTools protocol: what a page logs as an error, and what it
requests. Used by the browser tests; nothing here is part of the tool."""

from __future__ import annotations

import json
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from websockets.sync.client import connect
from websockets.sync.connection import Connection

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-features=AutofillServerCommunication,OptimizationHints", "--hide-scrollbars"]
SETTLE = 1.5
"""Seconds to keep listening after a page's load event, for scripts that run late (search)."""


@dataclass
class Visit:
    """What one page did in the browser."""

    url: str
    errors: list[str] = field(default_factory=list)
    """Console errors, uncaught exceptions and failed loads the page logged."""
    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for, itself included."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _page_socket(port: int, deadline: float) -> str:
    """The DevTools websocket address of the browser's first tab."""
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as answer:
                tabs = json.load(answer)
            for tab in tabs:
                if tab.get("type") == "page":
                    return str(tab["webSocketDebuggerUrl"])
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("chromium did not open its DevTools port")
        time.sleep(0.2)


@contextmanager
def devtools(browser: str) -> Iterator[Connection]:
    """Start headless Chromium and connect to its tab."""
    port = _free_port()
    # Chromium's helper processes can still write to the profile for a moment after it exits.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen([browser, *FLAGS, f"--user-data-dir={profile}",
                                    f"--remote-debugging-port={port}", "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with connect(_page_socket(port, time.monotonic() + 30), max_size=None) as ws:
                yield ws
        finally:
            process.terminate()
            process.wait(timeout=20)


class _Session:
    """Numbered DevTools commands on one connection, and the events that arrive meanwhile."""

    def __init__(self, ws: Connection) -> None:
        self.ws = ws
        self.next_id = 0

    def send(self, method: str, **params: Any) -> None:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))

    def events(self, until: float) -> Iterator[dict[str, Any]]:
        while (left := until - time.monotonic()) > 0:
            try:
                message = json.loads(self.ws.recv(timeout=left))
            except TimeoutError:
                return
            if "method" in message:
                yield message


def visit(browser: str, urls: Sequence[str], timeout: float = 30) -> list[Visit]:
    """Open each URL in turn in one tab; report each page's errors and requests."""
    visits = []
    with devtools(browser) as ws:
        session = _Session(ws)
        for domain in ("Runtime", "Log", "Network", "Page"):
            session.send(f"{domain}.enable")
        for url in urls:
            seen = Visit(url)
            session.send("Page.navigate", url=url)
            loaded_at: float | None = None
            deadline = time.monotonic() + timeout
            for event in session.events(deadline):
                _note(event, seen)
                if event["method"] == "Page.loadEventFired" and loaded_at is None:
                    loaded_at = time.monotonic()
                    deadline = min(deadline, loaded_at + SETTLE)
                    for late in session.events(deadline):
                        _note(late, seen)
                    break
            if loaded_at is None:
                seen.errors.append(f"no load event within {timeout} s")
            visits.append(seen)
    return visits


def _note(event: dict[str, Any], seen: Visit) -> None:
    """Record what an event says about errors and requests."""
    method, params = event["method"], event.get("params", {})
    if method == "Network.requestWillBeSent":
        seen.requests.append(params["request"]["url"])
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        seen.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
    elif method == "Runtime.exceptionThrown":
        details = params["exceptionDetails"]
        seen.errors.append(str(details.get("exception", {}).get("description") or details.get("text")))
    elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
        seen.errors.append(f"{params['entry'].get('text', '')} ({params['entry'].get('url', '')})")
