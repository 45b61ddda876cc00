"""The blocks of the start page, contributed by the apps that own their data.

core is the bottom layer and imports no domain app. An app adds its block to the start page in
its AppConfig.ready(), with the template that renders it and a function that returns the
template's context for the agreement the start page presents, e.g.

    register_start_block("events/_start_events.html", next_events, order=20)

The function takes `(agreement, user)` and returns a dict (the template sees it as `block`), or
None to leave the block out. It must run a fixed number of queries (one, as a rule), so that the
start page, the most visited page, costs the same whatever the data: tests/budgets holds it to
that. Blocks are shown by `order`, smallest first.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class StartBlock:
    template: str
    context: Callable[..., dict | None]
    order: int


START_BLOCKS: list[StartBlock] = []


def register_start_block(template: str, context: Callable[..., dict | None], *, order: int):
    if all(block.template != template for block in START_BLOCKS):
        START_BLOCKS.append(StartBlock(template=template, context=context, order=order))
        START_BLOCKS.sort(key=lambda block: block.order)


def start_page_blocks(agreement, user) -> list[dict]:
    """The blocks to show, in order: each a dict of its context and its `template`."""
    blocks = []
    for block in START_BLOCKS:
        context = block.context(agreement, user)
        if context is not None:
            blocks.append({"template": block.template, **context})
    return blocks
