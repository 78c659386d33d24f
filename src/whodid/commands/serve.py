"""`whodid serve`: the HTTP API and dashboard over an event store (docs/api.md).

Binds to 127.0.0.1 by default and is read-only unless a token is given (``--token`` or ``WHODID_TOKEN``): writes
(``POST /code`` with ``"store": true``) must then send ``Authorization: Bearer TOKEN``.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from whodid.cli import stderr

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_command(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="serve the HTTP API and dashboard",
                                description="Serve the HTTP API and the dashboard over an event store.")
    serve.add_argument("--db", metavar="FILE", help="DuckDB event store (without it only POST /code works)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--token", default=None,
                       help="secret that allows writes (default: $WHODID_TOKEN; none = read-only)")
    serve.add_argument("--max-body", type=int, default=None, metavar="BYTES",
                       help="largest request body accepted (default 1,000,000; larger gets 413)")
    serve.add_argument("--preload", action="store_true",
                       help="load the NLP pipeline before serving (the first POST /code is then fast)")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn  # heavy imports only for this command

    from whodid.api import MAX_BODY_BYTES, TOKEN_ENV, create_app
    from whodid.store import StoreLocked

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if args.db and not token and not Path(args.db).exists():
        stderr.print(f"[red]error:[/red] no event store at {args.db} (a read-only server cannot create one)")
        return 2
    if args.host not in LOOPBACK:
        stderr.print(f"[yellow]warning:[/yellow] listening on {args.host}: reachable from other machines"
                     + ("" if token else " (read-only)"))
    try:
        app = create_app(args.db, token, max_body=args.max_body or MAX_BODY_BYTES, preload=args.preload)
    except StoreLocked as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        return 2
    except (FileNotFoundError, RuntimeError) as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        return 2
    stderr.print(f"whodid: serving {'read-write' if token else 'read-only'} on http://{args.host}:{args.port}/")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
