"""The seed's page in a real browser: headless Chromium draws it and a click shows details.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: JSON
messages ending in a NUL byte on file descriptors 3 and 4), so the test needs nothing from
PyPI. The screenshot is decoded by a small PNG reader (zlib and the five row filters).
Where Chromium is not installed the tests skip, saying so; ``.ci/run`` installs Debian's
``chromium``. Set ``NEWSCLAIMS_SCREENSHOTS=DIR`` to keep the screenshots.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims.view import page_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a7f89c861a905037.txt"
WIDTH, HEIGHT = 1280, 1000


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not found (install Debian's chromium package; .ci/run does so)",
)


class DevTools:
    """A DevTools protocol client over Chromium's debugging pipe, for one page."""

    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int):
        self.process = process
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 16)
                if not chunk:
                    raise RuntimeError(f"Chromium closed the pipe (exit {self.process.poll()})")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def call(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        """Send one command (to the page once attached) and return its result."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if self.session is not None:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 30) -> dict[str, Any]:
        """The first event named ``event``, received already or from now on."""
        deadline = time.monotonic() + timeout
        for i, seen in enumerate(self.events):
            if seen.get("method") == event:
                return self.events.pop(i)
        while True:
            message = self._read(deadline)
            if message.get("method") == event:
                return message
            self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, scale: float = 1.0) -> bytes:
        clip = {"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "scale": scale}
        data = self.call("Page.captureScreenshot", format="png", clip=clip)["data"]
        return base64.b64decode(data)

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    assert CHROMIUM is not None
    profile = tmp_path_factory.mktemp("chromium-profile")
    to_read, to_browser = os.pipe()  # the browser reads commands on fd 3
    from_browser, to_write = os.pipe()  # and writes replies on fd 4
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--font-render-hinting=none",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        "--remote-debugging-pipe",
        "about:blank",
    ]
    # bash moves the pipe ends to descriptors 3 and 4, as --remote-debugging-pipe expects.
    script = f'exec "$0" "$@" 3<&{to_read} 4>&{to_write} {to_read}<&- {to_write}>&-'
    process = subprocess.Popen(
        ["bash", "-c", script, CHROMIUM, *flags],
        pass_fds=(to_read, to_write),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(to_read)
    os.close(to_write)
    tools = DevTools(process, to_browser, from_browser)
    try:
        target = tools.call("Target.createTarget", timeout=60, url="about:blank")["targetId"]
        tools.session = tools.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        tools.call("Page.enable")
        tools.call("Network.enable")
        tools.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )
        yield tools
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        os.close(to_browser)
        os.close(from_browser)


@pytest.fixture(scope="module")
def seed_page(browser: DevTools, tmp_path_factory: pytest.TempPathFactory) -> DevTools:
    """The browser showing the seed's page, loaded from a file."""
    (article,) = newsclaims.read(str(SEED))
    path = tmp_path_factory.mktemp("page") / "seed.html"
    path.write_text(page_html([newsclaims.analyze(article)]), encoding="utf-8")
    browser.events.clear()
    browser.call("Page.navigate", url=path.as_uri())
    browser.wait_for("Page.loadEventFired")
    return browser


def _keep(name: str, png: bytes) -> None:
    where = os.environ.get("NEWSCLAIMS_SCREENSHOTS")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        (Path(where) / name).write_bytes(png)


# -- a small PNG reader ------------------------------------------------------------------------


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = depth = colour = interlace = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    assert (depth, colour in (2, 6), interlace) == (8, True, 0), (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = previous[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, previous[i], up_left)) & 0xFF
        rows.append(bytes(line) if bpp == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, rows


def test_png_reader_reads_what_zlib_wrote() -> None:
    # A 2x2 RGB image, one row filtered Sub, the next Up.
    raw = b"\x01" + bytes([10, 20, 30, 5, 5, 5]) + b"\x02" + bytes([1, 1, 1, 2, 2, 2])
    body = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", body) + chunk(b"IDAT", zlib.compress(raw))
    png += chunk(b"IEND", b"")
    assert decode_png(png) == (
        2,
        2,
        [bytes([10, 20, 30, 15, 25, 35]), bytes([11, 21, 31, 17, 27, 37])],
    )


# -- the page ----------------------------------------------------------------------------------


def test_the_page_draws(seed_page: DevTools) -> None:
    _keep("seed.png", seed_page.screenshot())
    width, height, rows = decode_png(seed_page.screenshot(scale=0.5))
    assert (width, height) == (WIDTH // 2, HEIGHT // 2)
    pixels = [row[i : i + 3] for row in rows for i in range(0, len(row), 3)]
    ink = sum(1 for p in pixels if p != b"\xff\xff\xff")
    assert ink > 0.05 * len(pixels), f"the page looks blank: {ink} of {len(pixels)} pixels"
    # The statement kinds' backgrounds are drawn (the colours of view.css).
    colours = set(pixels)
    for name, rgb in (("direct", "d4eaf9"), ("indirect", "fbe3bd"), ("assertion", "e9e9e9")):
        assert bytes.fromhex(rgb) in colours, f"no {name} statement drawn"


def test_the_page_makes_no_request(seed_page: DevTools) -> None:
    urls = [
        e["params"]["request"]["url"]
        for e in seed_page.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert all(u.startswith(("file:", "data:")) for u in urls), urls


def test_clicking_a_statement_shows_its_details(seed_page: DevTools) -> None:
    detail = '.nc-detail[data-detail="s4"]'
    assert seed_page.evaluate(f"document.querySelector('{detail}').hidden") is True
    box = seed_page.evaluate(
        "(() => { const r = document.querySelector("
        "'.nc-text .nc-st[data-statement=\"s4\"]').getClientRects()[0];"
        " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )
    seed_page.click(*box)
    _keep("seed-clicked.png", seed_page.screenshot())
    shown = seed_page.evaluate(
        f"(() => {{ const d = document.querySelector('{detail}');"
        " return [d.hidden, d.getClientRects().length > 0, d.innerText]; })()"
    )
    hidden, drawn, text = shown
    assert not hidden, "the details of s4 are still hidden"
    assert drawn, "the details of s4 are not drawn"
    assert "Kevin Bergner" in text, text
    assert "Our intelligence reveals" in text, text
    selected = seed_page.evaluate(
        "Array.from(document.querySelectorAll('.nc-selected'))"
        ".map(e => e.getAttribute('data-statement'))"
    )
    assert selected, "no statement is marked as selected"
    assert set(selected) == {"s4"}, selected
    # Only one statement's details at a time.
    visible = seed_page.evaluate(
        "Array.from(document.querySelectorAll('.nc-detail')).filter(d => !d.hidden).length"
    )
    assert visible == 1
