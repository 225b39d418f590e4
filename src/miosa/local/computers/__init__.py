"""Cloud computers (``/computers``): sandboxes under another name, with a simulated desktop.

A computer is a sandbox whose id starts ``cmp_`` and whose ``extra["kind"]`` is
``computer`` (it is not listed under ``/sandboxes``). The lifecycle routes run the sandbox
handlers (same state checks, events and logs); exec and the commands route run for real
in the computer's workspace; files are that workspace (``/workspace``, as in a sandbox;
other absolute paths answer 400 ``PATH_OUTSIDE_WORKSPACE``). The reply to a create,
start, restart, clone or restore says ``provisioning`` or ``starting``, as production's
does; the computer is ``running`` when next read.

The desktop is simulated (`screen.py`): a framebuffer of the screen's size kept in memory,
on which clicks, drags, typing and scrolls leave visible marks, so screenshots (real
PNGs) change after each action; the pointer, held keys and buttons, the clipboard and the
windows are tracked. Coordinates off the screen answer 400 ``VALIDATION_ERROR``. A
``miosa-sandbox`` computer has no desktop: its desktop routes answer 409
``UNSUPPORTED_OPERATION``; so does every desktop route while the computer is not running
(409 ``COMPUTER_NOT_RUNNING``).

Canned, documented in docs/local-server.md: VNC credentials, stream tokens, embed and
desktop URLs (well-formed, but nothing listens there), the installed apps, volume
attachments (recorded, nothing is mounted), domain verification (no DNS lookup: it
succeeds), the inbox and OSA configuration (kept and echoed). ``move`` and OSA tasks need
production's fleet and in-VM agent: 409 ``UNSUPPORTED_OPERATION``. The WebSocket routes
(``/events``, ``/exec/stream``, ``/tunnel/{port}``) are in ``sockets.py``.
"""

from __future__ import annotations

from ..routing import Endpoint
from .base import ComputerState, desktop
from .checkpoints import (
    checkpoint_events,
    create_checkpoint,
    delete_checkpoint,
    get_checkpoint,
    list_checkpoints,
    restore_checkpoint,
)
from .desktop_actions import (
    accessibility_tree,
    click,
    clipboard,
    cursor,
    double_click,
    drag,
    environment,
    focus_window,
    hotkey,
    key,
    key_down,
    key_up,
    launch,
    mouse_down,
    mouse_up,
    move_mouse,
    move_window,
    resize_window,
    screen_size,
    screenshot,
    screenshot_region,
    scroll,
    set_clipboard,
    set_wallpaper,
    type_text,
    wait,
    window_action,
    window_position,
    window_size,
    windows,
)
from .lifecycle import (
    apps,
    clone,
    create_computer,
    delete_computer,
    embed,
    get_computer,
    list_computers,
    logs,
    logs_stream,
    metrics,
    move,
    resize,
    restart,
    rotate_viewer_password,
    start,
    stop,
    stream_token,
    update_computer,
    urls,
    viewer_password,
    vnc_credentials,
)
from .settings import (
    attach_volume,
    create_port,
    delete_domain,
    delete_env,
    delete_port,
    detach_volume,
    get_auto_stop,
    get_inbox,
    get_network_policy,
    list_domains,
    list_env,
    list_ports,
    list_volumes,
    osa_cancel,
    osa_configure,
    osa_status,
    osa_submit,
    register_domain,
    reset_network_policy,
    set_env,
    set_network_policy,
    update_auto_stop,
    update_env,
    update_inbox,
    update_port,
    verify_domain,
)
from .workspace import (
    chmod,
    copy,
    create_terminal,
    delete_file,
    download,
    exec_bash,
    exec_python,
    export,
    list_files,
    mkdir,
    prompt_agent,
    readdir,
    rename,
    resize_terminal,
    run_command,
    stat_file,
    stop_agent,
    upload_form,
    write_file,
)

__all__ = ["ComputerState", "desktop", "endpoints"]


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    item = "/computers/{computer_id}"
    desk = item + "/desktop"
    window = desk + "/window/{window_id}"
    return [
        Endpoint("GET", "/computers", list_computers),
        Endpoint("POST", "/computers", create_computer, "computer.create"),
        Endpoint("GET", item, get_computer),
        Endpoint("PATCH", item, update_computer, "computer.update"),
        Endpoint("DELETE", item, delete_computer, "computer.delete"),
        Endpoint("POST", item + "/start", start, "computer.start"),
        Endpoint("POST", item + "/stop", stop, "computer.stop"),
        Endpoint("POST", item + "/restart", restart, "computer.restart"),
        Endpoint("POST", item + "/resize", resize, "computer.resize"),
        Endpoint("POST", item + "/move", move, "computer.move"),
        Endpoint("POST", item + "/clone", clone, "computer.clone"),
        Endpoint("GET", item + "/metrics", metrics),
        Endpoint("GET", item + "/logs", logs),
        Endpoint("GET", item + "/logs/stream", logs_stream),
        Endpoint("GET", item + "/vnc-credentials", vnc_credentials),
        Endpoint("POST", item + "/stream-token", stream_token, "computer.stream_token"),
        Endpoint("GET", item + "/embed", embed),
        Endpoint("GET", item + "/urls", urls),
        Endpoint("GET", item + "/apps", apps),
        Endpoint("GET", item + "/viewer-password", viewer_password),
        Endpoint(
            "POST",
            item + "/viewer-password/rotate",
            rotate_viewer_password,
            "computer.viewer_password.rotate",
        ),
        Endpoint("POST", item + "/exec", exec_bash, "computer.exec"),
        Endpoint("POST", item + "/exec/python", exec_python, "computer.exec"),
        Endpoint("POST", item + "/commands", run_command, "computer.command"),
        Endpoint("POST", item + "/agent/prompts", prompt_agent, "agent.prompt"),
        Endpoint("POST", item + "/agent/stop", stop_agent, "agent.stop"),
        Endpoint("POST", item + "/terminal", create_terminal, "computer.terminal.create"),
        Endpoint("POST", item + "/pty/{session_id}/resize", resize_terminal),
        Endpoint("GET", item + "/files", list_files),
        Endpoint("DELETE", item + "/files", delete_file, "computer.file.delete"),
        Endpoint("GET", item + "/files/readdir", readdir),
        Endpoint("POST", item + "/files/stat", stat_file),
        Endpoint("POST", item + "/files/write", write_file, "computer.file.write"),
        Endpoint("POST", item + "/files/upload", upload_form, "computer.file.write"),
        Endpoint("GET", item + "/files/download", download),
        Endpoint("POST", item + "/files/export", export),
        Endpoint("POST", item + "/files/mkdir", mkdir, "computer.file.mkdir"),
        Endpoint("POST", item + "/files/rename", rename, "computer.file.rename"),
        Endpoint("POST", item + "/files/copy", copy, "computer.file.copy"),
        Endpoint("POST", item + "/files/chmod", chmod, "computer.file.chmod"),
        Endpoint("GET", item + "/env", list_env),
        Endpoint("POST", item + "/env", set_env, "computer.env.set"),
        Endpoint("PATCH", item + "/env/{name}", update_env, "computer.env.update"),
        Endpoint("DELETE", item + "/env/{name}", delete_env, "computer.env.delete"),
        Endpoint("GET", item + "/ports", list_ports),
        Endpoint("POST", item + "/ports", create_port, "computer.port.create"),
        Endpoint("PATCH", item + "/ports/{port}", update_port, "computer.port.update"),
        Endpoint("DELETE", item + "/ports/{port}", delete_port, "computer.port.delete"),
        Endpoint("GET", item + "/volumes", list_volumes),
        Endpoint("POST", item + "/volumes", attach_volume, "computer.volume.attach"),
        Endpoint(
            "DELETE", item + "/volumes/{attachment_id}", detach_volume, "computer.volume.detach"
        ),
        Endpoint("GET", item + "/network-policy", get_network_policy),
        Endpoint("PUT", item + "/network-policy", set_network_policy, "computer.network.set"),
        Endpoint(
            "DELETE", item + "/network-policy", reset_network_policy, "computer.network.reset"
        ),
        Endpoint("GET", item + "/domains", list_domains),
        Endpoint("POST", item + "/domains", register_domain, "computer.domain.register"),
        Endpoint(
            "POST", item + "/domains/{domain_id}/verify", verify_domain, "computer.domain.verify"
        ),
        Endpoint("DELETE", item + "/domains/{domain_id}", delete_domain, "computer.domain.delete"),
        Endpoint("GET", item + "/auto-stop", get_auto_stop),
        Endpoint("PATCH", item + "/auto-stop", update_auto_stop, "computer.auto_stop.update"),
        Endpoint("GET", item + "/inbox", get_inbox),
        Endpoint("PATCH", item + "/inbox", update_inbox, "computer.inbox.update"),
        Endpoint("GET", item + "/osa/status", osa_status),
        Endpoint("POST", item + "/osa/configure", osa_configure, "computer.osa.configure"),
        Endpoint("POST", item + "/osa/task", osa_submit, "computer.osa.task"),
        Endpoint("DELETE", item + "/osa/task", osa_cancel, "computer.osa.cancel"),
        Endpoint("GET", item + "/snapshots", list_checkpoints),
        Endpoint("POST", item + "/snapshots", create_checkpoint, "computer.checkpoint.create"),
        Endpoint("GET", item + "/snapshots/{snapshot_id}", get_checkpoint),
        Endpoint(
            "DELETE",
            item + "/snapshots/{snapshot_id}",
            delete_checkpoint,
            "computer.checkpoint.delete",
        ),
        Endpoint("GET", item + "/snapshots/{snapshot_id}/events", checkpoint_events),
        Endpoint(
            "POST",
            item + "/restore/{snapshot_id}",
            restore_checkpoint,
            "computer.checkpoint.restore",
        ),
        Endpoint("GET", desk + "/screenshot", screenshot),
        Endpoint("POST", desk + "/screenshot/region", screenshot_region),
        Endpoint("POST", desk + "/click", click, "computer.desktop.click"),
        Endpoint("POST", desk + "/double-click", double_click, "computer.desktop.click"),
        Endpoint("POST", desk + "/move", move_mouse, "computer.desktop.move"),
        Endpoint("POST", desk + "/drag", drag, "computer.desktop.drag"),
        Endpoint("POST", desk + "/mouse-down", mouse_down, "computer.desktop.mouse"),
        Endpoint("POST", desk + "/mouse-up", mouse_up, "computer.desktop.mouse"),
        Endpoint("POST", desk + "/scroll", scroll, "computer.desktop.scroll"),
        Endpoint("POST", desk + "/type", type_text, "computer.desktop.type"),
        Endpoint("POST", desk + "/key", key, "computer.desktop.key"),
        Endpoint("POST", desk + "/key-down", key_down, "computer.desktop.key"),
        Endpoint("POST", desk + "/key-up", key_up, "computer.desktop.key"),
        Endpoint("POST", desk + "/hotkey", hotkey, "computer.desktop.key"),
        Endpoint("POST", desk + "/wait", wait),
        Endpoint("GET", desk + "/windows", windows),
        Endpoint("GET", desk + "/cursor", cursor),
        Endpoint("GET", desk + "/screen-size", screen_size),
        Endpoint("GET", desk + "/environment", environment),
        Endpoint("GET", desk + "/accessibility-tree", accessibility_tree),
        Endpoint("GET", desk + "/clipboard", clipboard),
        Endpoint("POST", desk + "/clipboard", set_clipboard, "computer.desktop.clipboard"),
        Endpoint("POST", desk + "/wallpaper", set_wallpaper, "computer.desktop.wallpaper"),
        Endpoint("POST", desk + "/launch", launch, "computer.desktop.launch"),
        Endpoint("POST", desk + "/window/focus", focus_window, "computer.desktop.window"),
        Endpoint("POST", window + "/close", window_action("close"), "computer.desktop.window"),
        Endpoint(
            "POST", window + "/maximize", window_action("maximize"), "computer.desktop.window"
        ),
        Endpoint(
            "POST", window + "/minimize", window_action("minimize"), "computer.desktop.window"
        ),
        Endpoint("POST", window + "/move", move_window, "computer.desktop.window"),
        Endpoint("POST", window + "/resize", resize_window, "computer.desktop.window"),
        Endpoint("GET", window + "/position", window_position),
        Endpoint("GET", window + "/size", window_size),
    ]
