"""``miosa shell SANDBOX``: an interactive terminal in a sandbox."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import click

from ..errors import MiosaError
from .context import Settings, json_option
from .output import emit_json, is_terminal

# Ctrl-D: at the start of a line the shell reads end of input and exits.
_END_OF_INPUT = b"\x04"


@click.command("shell")
@click.argument("sandbox_id")
@click.option("--shell", "shell_path", default=None, help="Shell to run (default /bin/sh).")
@click.option("--cwd", default=None, help="Starting directory (default /workspace).")
@json_option
@click.pass_obj
def shell(settings: Settings, sandbox_id: str, shell_path: str | None, cwd: str | None) -> None:
    """Open a shell in SANDBOX, attached to this terminal.

    On a terminal, keys go through raw (Ctrl-C reaches the remote program) and the
    window size follows yours; exit the remote shell to leave. With input from a pipe,
    the lines are typed in and the shell ends at the end of the input. With --json, the
    output is printed as {"type": "output", "data": ...} lines and a final
    {"type": "closed", "code": ...}.
    """
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    interactive = is_terminal(sys.stdin) and not settings.json_output
    cols, rows = shutil.get_terminal_size((80, 24))
    options: dict[str, Any] = {"cols": cols, "rows": rows}
    if shell_path:
        options["shell"] = shell_path
    if cwd:
        options["cwd"] = cwd
    with settings.client() as client:
        sandbox = client.sandboxes.handle(sandbox_id)
        with sandbox.terminal.connect(**options) as term, _raw_mode(stdin, enabled=interactive):
            feeder = threading.Thread(
                target=_feed, args=(stdin, term.send), name="miosa-shell-input", daemon=True
            )
            feeder.start()
            with _follow_window_size(term.resize, enabled=interactive):
                for chunk in term:
                    if settings.json_output:
                        emit_json({"type": "output", "data": chunk.decode("utf-8", "replace")})
                    else:
                        stdout.write(chunk)
                        stdout.flush()
            code = term.close_code
    if settings.json_output:
        emit_json({"type": "closed", "code": code})


def _feed(stdin: BinaryIO, send: Callable[[bytes], None]) -> None:
    """Keystrokes (or piped lines) to the terminal until the input or the terminal ends."""
    read = getattr(stdin, "read1", None) or stdin.read
    try:
        fd = stdin.fileno()
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        fd = None
    try:
        while True:
            data = os.read(fd, 4096) if fd is not None else read(4096)
            if not data:
                send(_END_OF_INPUT)
                return
            send(data)
    except (MiosaError, OSError, ValueError):
        return  # the terminal closed (or stdin did): nothing more to send


@contextlib.contextmanager
def _raw_mode(stdin: BinaryIO, *, enabled: bool) -> Iterator[None]:
    """Keys unbuffered and unechoed (the remote terminal echoes), restored on exit."""
    if not enabled:
        yield
        return
    import termios
    import tty

    fd = stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setraw(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def _follow_window_size(resize: Callable[[int, int], None], *, enabled: bool) -> Iterator[None]:
    """Resize the remote terminal when this one changes size (SIGWINCH)."""
    if not enabled or not hasattr(signal, "SIGWINCH") or not _main_thread():
        yield
        return

    def on_change(_signum: int, _frame: object) -> None:
        cols, rows = shutil.get_terminal_size((80, 24))
        with contextlib.suppress(MiosaError):
            resize(cols, rows)

    previous = signal.signal(signal.SIGWINCH, on_change)
    try:
        yield
    finally:
        signal.signal(signal.SIGWINCH, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
