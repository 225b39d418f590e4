"""The agent loop: ask the model, run the tools it asks for, repeat until it answers.

``AsyncAgent.run(prompt)`` returns an `AgentResult`; ``AsyncAgent.stream(prompt)`` yields
the steps as they happen (`ModelMessage`, `ToolCall`, `ToolResult`, and a `FinalAnswer`
last). The run is bounded by ``max_steps`` model calls, can be stopped with
`AsyncAgentRun.cancel` from any thread, and never dies of a tool's failure: those come
back to the model as error results.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from types import TracebackType

from ..._agent_types import (
    AgentResult,
    AgentStep,
    FinalAnswer,
    Message,
    StopReason,
    ToolCall,
    ToolResult,
    Usage,
    UserMessage,
)
from ..client import AsyncMiosa
from .providers import AsyncProvider
from .tools import AsyncTool, AsyncToolbox

__all__ = ["AsyncAgent", "AsyncAgentRun"]

DEFAULT_MAX_STEPS = 20


class AsyncAgent:
    """A model with tools over MIOSA sandboxes (or computers), in a loop.

    ``tools`` is an `AsyncToolbox` (or any iterable of `AsyncTool`); by default
    ``AsyncToolbox.for_sandboxes(client)``: every sandbox the key reaches, destructive
    tools left out. ``system`` is the system prompt (see `sandbox_builder_system_prompt`),
    ``max_steps`` the most model calls one run makes.
    """

    def __init__(
        self,
        client: AsyncMiosa | None,
        provider: AsyncProvider,
        *,
        tools: AsyncToolbox | Iterable[AsyncTool] | None = None,
        system: str | None = None,
        max_steps: int = DEFAULT_MAX_STEPS,
    ) -> None:
        if max_steps < 1:
            raise ValueError("max_steps must be >= 1")
        if tools is None:
            if client is None:
                raise ValueError("pass a client or tools=")
            tools = AsyncToolbox.for_sandboxes(client)
        elif not isinstance(tools, AsyncToolbox):
            tools = AsyncToolbox(tools)
        self.client = client
        self.provider = provider
        self.toolbox: AsyncToolbox = tools
        self.system = system
        self.max_steps = max_steps

    def stream(
        self,
        prompt: str,
        *,
        history: Sequence[Message] = (),
        max_steps: int | None = None,
    ) -> AsyncAgentRun:
        """A run that advances as you iterate it::

            async for step in agent.stream("Build and test the app"):
                match step:
                    case ToolCall(name=name, arguments=args):
                        print("->", name, args)
                    case FinalAnswer(text=text):
                        print(text)

        ``history`` is an earlier ``AgentResult.messages`` to continue from. Nothing is sent
        before the first step is asked for; leaving the loop early stops the run there.
        """
        budget = self.max_steps if max_steps is None else max_steps
        if budget < 1:
            raise ValueError("max_steps must be >= 1")
        return AsyncAgentRun(self, [*history, UserMessage(text=prompt)], budget)

    async def run(
        self,
        prompt: str,
        *,
        history: Sequence[Message] = (),
        max_steps: int | None = None,
    ) -> AgentResult:
        """Run to the end and return the answer, every step and the conversation."""
        run = self.stream(prompt, history=history, max_steps=max_steps)
        async for _ in run:
            pass
        return run.result


class AsyncAgentRun:
    """One run of an `AsyncAgent`: an iterator of its steps (see `AsyncAgent.stream`).

    ``async with agent.stream(p) as run:`` stops the run when the block is left. A step
    that raises (a provider error, cancellation) ends the run; the error propagates.
    """

    def __init__(self, agent: AsyncAgent, messages: list[Message], max_steps: int) -> None:
        self._agent = agent
        self._messages = messages
        self._max_steps = max_steps
        self._model_calls = 0
        self._usage = Usage()
        self._last_text = ""
        self._steps: list[AgentStep] = []
        self._ready: deque[AgentStep] = deque()
        self._pending: deque[ToolCall] = deque()
        self._running: ToolCall | None = None
        self._cancel_requested = False
        self._final: FinalAnswer | None = None
        self._broken = False

    # -- state ------------------------------------------------------------------------------

    @property
    def steps(self) -> tuple[AgentStep, ...]:
        """The steps yielded so far."""
        return tuple(self._steps)

    @property
    def messages(self) -> tuple[Message, ...]:
        """The conversation so far (what the next model call would be sent)."""
        return tuple(self._messages)

    @property
    def usage(self) -> Usage:
        return self._usage

    @property
    def done(self) -> bool:
        return self._final is not None or self._broken

    @property
    def result(self) -> AgentResult:
        """The `AgentResult`, once the `FinalAnswer` has been yielded."""
        final = self._final
        if final is None or not self._steps or self._steps[-1] is not final:
            raise RuntimeError("the run has not finished: iterate it to its FinalAnswer first")
        return AgentResult(
            text=final.text,
            stop_reason=final.stop_reason,
            steps=tuple(self._steps),
            messages=tuple(self._messages),
            usage=self._usage,
        )

    def cancel(self) -> None:
        """Stop at the next step boundary: the next step is a ``cancelled`` `FinalAnswer`.

        Safe to call from another thread or task; a model call or tool already running
        finishes first.
        """
        self._cancel_requested = True

    # -- iteration --------------------------------------------------------------------------

    def __aiter__(self) -> AsyncAgentRun:
        return self

    async def __anext__(self) -> AgentStep:
        if self._ready:
            step = self._ready.popleft()
        elif self._final is not None or self._broken:
            raise StopAsyncIteration
        else:
            try:
                step = await self._advance()
            except BaseException:
                # Cancelled or failed: the run ends, but its conversation stays valid.
                self._broken = True
                self._answer_open_calls("the run stopped before it returned")
                raise
        self._steps.append(step)
        return step

    async def __aenter__(self) -> AsyncAgentRun:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._final is None:
            self._broken = True

    async def _advance(self) -> AgentStep:
        agent = self._agent
        if self._cancel_requested:
            return self._finish("cancelled")
        if self._running is not None:
            call = self._running
            result = await agent.toolbox.run(
                call.name,
                call.arguments,
                call_id=call.id,
                argument_error=call.argument_error,
                step=call.step,
            )
            self._running = None
            self._messages.append(result)
            return result
        if self._pending:
            self._running = self._pending.popleft()
            return self._running
        if self._model_calls >= self._max_steps:
            return self._finish("max_steps")
        self._model_calls += 1
        reply = await agent.provider.complete(
            system=agent.system,
            messages=tuple(self._messages),
            tools=agent.toolbox.tools,
            step=self._model_calls,
        )
        self._usage += reply.usage
        self._messages.append(reply)
        if reply.text:
            self._last_text = reply.text
        if reply.tool_calls:
            self._pending.extend(reply.tool_calls)
        else:
            stop: StopReason = "other" if reply.stop_reason == "tool_use" else reply.stop_reason
            self._ready.append(self._finish(stop))
        return reply

    def _answer_open_calls(self, why: str) -> None:
        # Calls the model asked for but that never ran still need an answer, or the
        # conversation could not be continued (both APIs reject a tool call left open).
        unanswered = [*([self._running] if self._running else []), *self._pending]
        for call in unanswered:
            self._messages.append(
                ToolResult(
                    call_id=call.id,
                    name=call.name,
                    text=f"Error: {call.name}: {why}",
                    is_error=True,
                    step=call.step,
                )
            )
        self._running = None
        self._pending.clear()

    def _finish(self, reason: StopReason) -> FinalAnswer:
        self._answer_open_calls(f"not run, the run was {reason.replace('_', ' ')}")
        self._final = FinalAnswer(
            text=self._last_text, stop_reason=reason, usage=self._usage, step=self._model_calls
        )
        return self._final
