"""A minimal Language Server Protocol client over stdio, enough to ask yaml-language-server for diagnostics."""

from __future__ import annotations

import hashlib
import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = Path.home() / ".cache" / "thai-integrity-plans" / "editor"
WAIT_SECONDS = 60  # Why so long: two cores shared by many; the first validation also compiles the schema


def install_server() -> Path:
    """yaml-language-server exactly as pinned in package-lock.json, installed with `npm ci` into a cache dir."""
    lock = (HERE / "package-lock.json").read_bytes()
    target = CACHE / hashlib.sha256(lock).hexdigest()[:16]
    server = target / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if server.is_file():
        return server
    target.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(HERE / name, target / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target, check=True)
    return server


class Client:
    def __init__(self, server: Path) -> None:
        self.proc = subprocess.Popen(
            ["node", str(server), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while True:
            length = 0
            while (line := self.proc.stdout.readline().strip()) != b"":
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not length:
                return
            self.inbox.put(json.loads(self.proc.stdout.read(length)))

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        self._write(message)
        return message.get("id")

    def _write(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def wait_for(self, method: str, settings: dict[str, Any], match: Any = None, reply_to: int | None = None) -> Any:
        """The next message `method` (optionally where match(params)), or the reply to request `reply_to`,
        answering the server's own requests meanwhile."""
        while True:
            message = self.inbox.get(timeout=WAIT_SECONDS)
            if reply_to is not None and message.get("id") == reply_to and "method" not in message:
                return message.get("result")
            if "id" in message and "method" in message:
                # workspace/configuration asks for one settings section per item; other requests need null.
                items = message.get("params", {}).get("items", [])
                result = [settings.get(i.get("section", "")) for i in items] if items else None
                self._write({"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif message.get("method") == method and (match is None or match(message["params"])):
                return message["params"]

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


class Session:
    """One yaml-language-server with `schema` associated to `files` (as .vscode/settings.json does), files opened."""

    def __init__(self, server: Path, schema: Path, files: dict[Path, str]) -> None:
        self.settings = {
            "yaml": {
                "validate": True,
                "hover": True,
                "completion": True,
                "schemas": {schema.as_uri(): [p.as_uri() for p in files]},
            }
        }
        self.client = Client(server)
        markdown = {
            "hover": {"contentFormat": ["markdown"]},
            "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
        }
        root = next(iter(files)).parent.as_uri()
        self.request("initialize", {"processId": None, "rootUri": root, "capabilities": {"textDocument": markdown}})
        self.client.send("initialized", {})
        self.client.send("workspace/didChangeConfiguration", {"settings": self.settings})
        self.diagnostics = {path: self.open(path, text) for path, text in files.items()}

    def open(self, path: Path, text: str) -> list[dict[str, Any]]:
        doc = {"uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": text}
        self.client.send("textDocument/didOpen", {"textDocument": doc})
        match = lambda p: p["uri"] == doc["uri"]  # noqa: E731
        return list(self.client.wait_for("textDocument/publishDiagnostics", self.settings, match)["diagnostics"])

    def request(self, method: str, params: Any) -> Any:
        number = self.client.send(method, params, request=True)
        return self.client.wait_for("", self.settings, lambda p: True, reply_to=number)

    def at(self, method: str, path: Path, line: int, character: int) -> Any:
        where = {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}}
        return self.request(method, where)

    def close(self) -> None:
        self.client.close()


def diagnostics(server: Path, schema: Path, files: dict[Path, str]) -> dict[Path, list[dict[str, Any]]]:
    """What the editor underlines in each file."""
    session = Session(server, schema, files)
    session.close()
    return session.diagnostics
