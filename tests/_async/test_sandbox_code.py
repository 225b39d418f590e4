"""The code interpreter, ``sandbox.code``: the requests on the wire and how replies are read
(rich results, typed errors, the vendor's thinner reply), then end to end against the local
server: variables kept per context, the last expression's value, images, tracebacks,
timeouts, dead interpreters, contexts created, listed and dropped, and dropped with the
sandbox."""

from __future__ import annotations

import base64

import httpx
import pytest

from miosa import AsyncMiosa, CodeExecutionError, NotFoundError
from miosa.local import LocalServer
from miosa.types.sandbox_code import CodeError, CodeOutput, CodeResult
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, json_response

S = "/sandboxes/sbx_1"
PNG = b"\x89PNG\r\n\x1a\nfake"

CASES = [
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.run(
            "x = 1\nx + 1", context="nb", timeout=30
        ),
        method="POST",
        path=S + "/code/run",
        body={"code": "x = 1\nx + 1", "language": "python", "context": "nb", "timeout": 30},
        reply={"data": {"ok": True, "stdout": "", "stderr": "", "result": 2, "language": "python"}},
        check=lambda r: r == CodeResult(ok=True, stdout="", stderr="", result=2, language="python"),
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.run("1", language="javascript"),
        method="POST",
        path=S + "/code/run",
        body={"code": "1", "language": "javascript"},
        reply={"ok": True, "result": 1},
        check=lambda r: r.result == 1 and r.error is None,
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.context("nb").run("y"),
        method="POST",
        path=S + "/code/run",
        body={"code": "y", "language": "python", "context": "nb"},
        reply={"data": {"ok": True}},
        check=lambda r: r.ok is True,
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.create_context("mine"),
        method="POST",
        path=S + "/code/run",
        body={"code": "pass", "language": "python", "context": "mine"},
        reply={"data": {"ok": True}},
        check=lambda r: (r.name, r.language) == ("mine", "python"),
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.contexts(language="javascript"),
        method="GET",
        path=S + "/code/contexts",
        query={"language": "javascript"},
        reply={"data": {"contexts": ["default", "nb"]}},
        check=lambda r: r == ["default", "nb"],
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.contexts(),
        method="GET",
        path=S + "/code/contexts",
        reply={"data": {}},
        check=lambda r: r == [],
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.drop_context("nb/1"),
        method="DELETE",
        path=S + "/code/contexts/nb%2F1",
        reply=httpx.Response(204),
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.drop_context("a b", language="js"),
        method="DELETE",
        path=S + "/code/contexts/a%20b",
        query={"language": "js"},
        reply=httpx.Response(204),
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.context("c", language="js").drop(),
        method="DELETE",
        path=S + "/code/contexts/c",
        query={"language": "js"},
        reply=httpx.Response(204),
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").code.drop_all(language="python"),
        method="DELETE",
        path=S + "/code",
        query={"language": "python"},
        reply=httpx.Response(204),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.route}" for i, case in enumerate(CASES)])
async def test_code_wire(case: Case) -> None:
    await run_case(case)


async def test_a_created_context_gets_a_fresh_name_and_drops_itself() -> None:
    # DELETE is not mocked: it answers 404, as for a context already gone.
    api = MockAPI().on(f"POST {S}/code/run", json_response(200, {"data": {"ok": True}}))
    async with make_client(api) as client:
        code = client.sandboxes.handle("sbx_1").code
        async with await code.create_context() as first:
            second = await code.create_context()
    assert first.name.startswith("ctx_") and len(first.name) == 16
    assert first.name != second.name
    # Created (a no-op cell in it), then dropped on exit; a 404 there is not an error.
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("POST", f"/api/v1{S}/code/run"),
        ("POST", f"/api/v1{S}/code/run"),
        ("DELETE", f"/api/v1{S}/code/contexts/{first.name}"),
    ]


async def test_the_read_timeout_stretches_to_the_cell_timeout() -> None:
    api = MockAPI().on(f"POST {S}/code/run", json_response(200, {"ok": True}))
    async with make_client(api, timeout=10) as client:
        code = client.sandboxes.handle("sbx_1").code
        await code.run("1", timeout=300)
        await code.run("1")
    assert api.requests[0].extensions["timeout"]["read"] == 315
    assert api.requests[1].extensions["timeout"]["read"] == 10


async def test_rich_results_become_bytes_and_errors_become_typed() -> None:
    reply = {
        "ok": False,
        "stdout": "before\n",
        "stderr": "Traceback ...\nValueError: bad\n",
        "results": [
            {
                "mime_type": "image/png",
                "data": base64.b64encode(PNG).decode(),
                "encoding": "base64",
                "main": True,
            },
            {"mime_type": "text/html", "data": "<b>hi</b>", "encoding": "utf-8"},
            {"image/jpeg": base64.b64encode(b"jpg").decode(), "text/plain": "<img>"},
        ],
        "error": {"name": "ValueError", "value": "bad", "traceback": "Traceback ...\n"},
        "execution_count": 3,
    }
    api = MockAPI().on(f"POST {S}/code/run", json_response(200, {"data": reply}))
    async with make_client(api) as client:
        result = await client.sandboxes.handle("sbx_1").code.run("boom()")
    assert result.outputs == (
        CodeOutput(mime_type="image/png", data=PNG, main=True),
        CodeOutput(mime_type="text/html", data=b"<b>hi</b>"),
        CodeOutput(mime_type="image/jpeg", data=b"jpg"),
        CodeOutput(mime_type="text/plain", data=b"<img>"),
    )
    assert [o.mime_type for o in result.images] == ["image/png", "image/jpeg"]
    assert result.outputs[1].text == "<b>hi</b>"
    assert result.error == CodeError(name="ValueError", value="bad", traceback="Traceback ...\n")
    assert (result.ok, result.execution_count, result.raw["stdout"]) == (False, 3, "before\n")
    with pytest.raises(CodeExecutionError, match=r"^ValueError: bad$") as caught:
        result.raise_for_error()
    assert (caught.value.name, caught.value.value) == ("ValueError", "bad")
    assert caught.value.result is result


async def test_a_failure_reported_only_on_stderr_still_has_a_typed_error() -> None:
    # The vendor's reply: ok false, the traceback on stderr, no error object.
    trace = (
        'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
        "ZeroDivisionError: division by zero\n"
    )
    api = MockAPI().on(
        f"POST {S}/code/run",
        json_response(200, {"data": {"ok": False, "stdout": "", "stderr": trace}}),
    )
    async with make_client(api) as client:
        result = await client.sandboxes.handle("sbx_1").code.run("1/0")
    assert result.error == CodeError(
        name="ZeroDivisionError", value="division by zero", traceback=trace
    )
    with pytest.raises(CodeExecutionError, match=r"^ZeroDivisionError: division by zero$"):
        result.raise_for_error()
    ok = CodeResult(ok=True, stdout="x")
    assert ok.raise_for_error() is ok and ok.output == "x"


# -- end to end, against the local server ------------------------------------------------


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_a_context_keeps_its_variables_and_returns_the_last_expression() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        code = sandbox.code
        first = await code.run("import math\nr = 2\nprint('radius', r)")
        area = await code.run("area = math.pi * r ** 2\nround(area, 3)")
        listing = await code.run("{'r': r, 'items': [1, 'two', None]}")
        shown = await code.run("r")
        opaque = await code.run("object")
        files = await code.run(
            "open('/workspace/out.txt', 'w').write('from the interpreter')\n"
            "import subprocess\nsubprocess.run(['sh', '-c', 'echo child; echo oops >&2'])\nNone"
        )
        on_disk = await sandbox.exec.run("cat /workspace/out.txt")
        awaited = await code.run("import asyncio\nawait asyncio.sleep(0)\n'after await'")
    assert (first.ok, first.stdout, first.result) == (True, "radius 2\n", None)
    assert area.result == 12.566
    assert listing.result == {"r": 2, "items": [1, "two", None]}
    assert shown.result == 2 and shown.execution_count == 4 and shown.context == "default"
    assert opaque.result == "<class 'object'>"
    assert (files.stdout, files.stderr, files.result) == ("child\n", "oops\n", None)
    assert on_disk.stdout == "from the interpreter"
    assert awaited.result == "after await"


async def test_rich_results_errors_and_separate_contexts() -> None:
    png_class = (
        "class Chart:\n"
        "    def _repr_png_(self):\n"
        f"        return {PNG!r}\n"
        "    def _repr_html_(self):\n"
        "        return '<p>chart</p>'\n"
    )
    async with LocalServer() as server, client_for(server) as client:
        code = (await client.sandboxes.create()).code
        chart = await code.run(png_class + "display('shown first')\nChart()")
        failed = await code.run("def f():\n    return 1 / 0\n\nf()")
        syntax = await code.run("def broken(:")
        await code.run("secret = 'default context'")
        other = await code.context("other").run("secret")
        with pytest.raises(CodeExecutionError) as caught:
            (await code.run("raise KeyError('missing')")).raise_for_error()
        contexts = sorted(await code.contexts())
    assert chart.ok and chart.result.startswith("<__main__.Chart object")
    assert chart.outputs == (
        CodeOutput(mime_type="text/plain", data=b"'shown first'"),
        CodeOutput(mime_type="image/png", data=PNG, main=True),
        CodeOutput(mime_type="text/html", data=b"<p>chart</p>", main=True),
    )
    assert chart.images[0].data == PNG
    assert failed.ok is False and failed.error is not None
    assert (failed.error.name, failed.error.value) == ("ZeroDivisionError", "division by zero")
    assert failed.error.traceback.startswith("Traceback (most recent call last):\n")
    assert 'File "<cell 2>", line 2, in f' in failed.error.traceback
    assert "return 1 / 0" in failed.error.traceback
    assert failed.stderr.endswith(failed.error.traceback)
    assert syntax.error is not None and syntax.error.name == "SyntaxError"
    assert other.error is not None and other.error.name == "NameError"
    assert caught.value.name == "KeyError" and "'missing'" in caught.value.traceback
    assert contexts == ["default", "other"]


async def test_timeouts_interrupt_the_cell_and_keep_the_context() -> None:
    async with LocalServer() as server, client_for(server) as client:
        code = (await client.sandboxes.create()).code
        await code.run("kept = 'still here'")
        slow = await code.run("import time\ntime.sleep(30)", timeout=1)
        after = await code.run("kept")
        stubborn = await code.run(
            "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\ntime.sleep(30)",
            timeout=1,
        )
        fresh = await code.run("'kept' in globals()")
        exited = await code.run("import os\nos._exit(3)")
        restarted = await code.run("1 + 1")
    assert slow.ok is False and slow.error is not None
    assert slow.error.name == "TimeoutError"
    assert "longer than 1 s and was interrupted" in slow.error.value
    assert slow.error.traceback.endswith("KeyboardInterrupt\n")
    assert after.result == "still here"
    assert stubborn.error is not None and stubborn.error.name == "TimeoutError"
    assert "variables are lost" in stubborn.error.value
    assert fresh.result is False  # a new interpreter
    assert exited.error is not None and exited.error.name == "InterpreterExited"
    assert "exited with code 3" in exited.error.value
    assert restarted.result == 2


async def test_contexts_are_created_dropped_and_go_with_the_sandbox() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        code = sandbox.code
        async with await code.create_context() as ctx:
            await ctx.run("n = 41")
            inside = await ctx.run("n + 1")
            listed = await code.contexts(language="python")
        after_exit = await code.contexts()
        await code.run("a = 1")
        await code.context("b").run("b = 2")
        await code.drop_context("b")
        with pytest.raises(NotFoundError):
            await code.drop_context("b")
        gone = await code.context("b").run("b")
        await code.drop_all()
        emptied = await code.contexts()
        unsupported = None
        try:
            await code.run("1", language="ruby")
        except Exception as exc:
            unsupported = exc
        await code.run("alive = True")
        await sandbox.destroy()
        with pytest.raises(NotFoundError):
            await code.contexts()
    assert inside.result == 42 and listed == [ctx.name]
    assert after_exit == []
    assert gone.error is not None and gone.error.name == "NameError"
    assert emptied == []
    assert getattr(unsupported, "code", None) == "UNSUPPORTED_LANGUAGE"
