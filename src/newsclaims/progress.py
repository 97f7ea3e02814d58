"""A one-line progress display for corpus runs: records done, articles/s and the ETA.

It redraws one line in place with a carriage return, at most a few times a second, and is
meant for a terminal: the CLI shows it only when standard error is one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class Progress:
    """Counts records and redraws ``done/total, N articles/s, ETA h:mm:ss`` on ``stream``.

    ``total`` may be ``None`` (unknown): then no ETA is shown. ``clock`` is for tests.
    """

    def __init__(
        self,
        stream: TextIO,
        total: int | None = None,
        *,
        interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self._clock = clock
        self._start = clock()
        self._interval = interval
        self._last_draw = -interval
        self._width = 0

    def line(self) -> str:
        """The progress line as it would be drawn now."""
        elapsed = max(self._clock() - self._start, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done}" if self.total is None else f"{self.done}/{self.total}"
        text = f"{count} articles, {rate:.1f} articles/s"
        if self.total is not None and self.total >= self.done:
            eta = (self.total - self.done) / rate if rate > 0 else None
            text += f", ETA {_duration(eta) if eta is not None else '?'}"
        return text

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more records and redraw if the last drawing is old enough."""
        self.done += n
        now = self._clock()
        if now - self._last_draw >= self._interval:
            self._draw()
            self._last_draw = now

    def clear(self) -> None:
        """Blank the line, e.g. before printing a message under it."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def finish(self) -> None:
        """Draw the final count and end the line."""
        self._draw()
        self.stream.write("\n")
        self.stream.flush()
        self._width = 0

    def _draw(self) -> None:
        text = self.line()
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)
