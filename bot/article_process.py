"""Reading the article out of a page in a process of its own, under a time limit.

trafilatura is CPU work in Python and lxml. In a thread it would hold the GIL against the event
loop (a 1 MiB page stalled the loop by 50-200 ms on this 2-core machine) and could not be
stopped; in its own process it competes with nothing and is killed when it outlasts
`limits.extract_seconds`, as the extraction of documents is (bot.extraction_pool). A page is
added rarely, by an admin, so one short-lived process per page is cheap enough: it starts by
`spawn`, never `fork` (the parent runs threads), as the extraction workers start as fresh
interpreters (bot.extraction_worker).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection

from bot.article import Article, extract_article
from bot.errors import UserError
from bot.links import Page

_CONTEXT = multiprocessing.get_context("spawn")


def _serve(conn: Connection, page: Page) -> None:
    """The child: one page in, ("ok", Article) or ("refused", reason) or ("bug", text) out."""
    try:
        conn.send(("ok", extract_article(page)))
    except UserError as exc:
        conn.send(("refused", exc.message))
    except Exception as exc:  # noqa: BLE001 - told to the parent, which refuses the page
        conn.send(("bug", f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        conn.close()


def extract_in_process(page: Page, seconds: float) -> Article:
    """`extract_article(page)` in a new process; UserError when it refuses the page, fails,
    dies, or takes over `seconds` (the process is then killed).

    Blocking (waits on a pipe, which releases the GIL): run it in a worker thread.
    """
    receive, send = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_serve, args=(send, page), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise UserError(
                f"Reading the article took over {seconds:g} s and was stopped"
                " (limits.extract_seconds)."
            )
        status, value = receive.recv()
    except EOFError:
        raise UserError("The process reading the article died on this page.") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        receive.close()
    if status == "ok":
        return value
    if status == "refused":
        raise UserError(value)
    raise UserError(f"The article could not be read ({value}); please report it.")


__all__ = ["extract_in_process"]
