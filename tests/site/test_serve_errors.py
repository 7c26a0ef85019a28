"""`make serve` (mkdocs serve) after a problem in the data or the content: the
problem is printed as path:line, without a traceback, and the server goes on
answering with the last good pages instead of holding every request."""
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.site.test_atomic_build import copy_project

REBUILD_TIMEOUT = 240       # a rebuild of the whole site on a loaded 2-core machine
LIVE_RELOAD = re.compile(rb"<script>\s*var livereload = [\s\S]*?</script>")


class Server:
    """`mkdocs serve` in a copy of the project, its output collected as it comes."""

    def __init__(self, root):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root), PYTHONUNBUFFERED="1")
        env.pop("ICP_SKIP_GENERATE", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True).start()

    def output(self, start=0):
        return "".join(self.lines[start:])

    def wait_for(self, pattern, start=0, timeout=REBUILD_TIMEOUT):
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.output(start)):
            assert self.proc.poll() is None, self.output()
            assert time.monotonic() < deadline, f"no {pattern!r} in:\n{self.output(start)}"
            time.sleep(0.2)

    def get(self, path):
        """The page, without the live-reload script (it differs on every request)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as response:
            assert response.status == 200
            return LIVE_RELOAD.sub(b"", response.read())

    def rebuilt_after(self, edit, printing=""):
        """Make `edit`, wait until the server has printed `printing` and rebuilt;
        returns what it printed meanwhile."""
        start = len(self.lines)
        edit()
        self.wait_for(re.escape(printing) + r"[\s\S]*Reloading browsers", start)
        return self.output(start)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("serve"))
    env = dict(os.environ, PYTHONPATH=str(root))
    generated = subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=root, env=env,
                               capture_output=True, text=True)
    assert generated.returncode == 0, generated.stderr
    running = Server(root)
    running.root = root
    running.wait_for(r"Serving on http://127\.0\.0\.1")
    yield running
    running.stop()


def edit(path, old, new):
    def change():
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def test_serving_goes_on_with_the_last_good_pages(server):
    beijing, glossary = server.get("/provinces/beijing/"), server.get("/glossary/")
    assert b'http-equiv="Content-Security-Policy"' in glossary and b"'unsafe-inline'" in glossary

    data = server.root / "province_data/provinces/11-beijing.yaml"
    line = next(n for n, text in enumerate(data.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "kind: municipality")
    problem = f"province_data/provinces/11-beijing.yaml:{line}: kind"
    printed = server.rebuilt_after(edit(data, "kind: municipality", "kind: city"), problem)
    assert "Traceback" not in printed and "appear stuck" not in printed
    assert server.get("/provinces/beijing/") == beijing
    server.rebuilt_after(edit(data, "kind: city", "kind: municipality"))

    content = server.root / "content/glossary.md"
    third = content.read_text(encoding="utf-8").splitlines()[2]
    problem = "content/glossary.md:3: national('no_such_rule'): no such national rule"
    printed = server.rebuilt_after(edit(content, third, third + " {{ national('no_such_rule') }}"), problem)
    assert "Traceback" not in printed and "appear stuck" not in printed
    assert server.get("/glossary/") == glossary
