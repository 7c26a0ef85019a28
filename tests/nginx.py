"""Debian's nginx serving a built site with deploy/nginx.conf, as a reader's browser gets it.

nginx runs as the current user from a temporary folder (its configuration,
pid, logs and temporary files there), on a free loopback port. The shipped
server block is used as it is; only its listen, root and include lines are
pointed at the test's port, site and CSP map.
"""
from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
INSTALL = "make test installs it (apt-get install nginx libnginx-mod-http-brotli-static)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _replace(text: str, pattern: str, new: str) -> str:
    text, count = re.subn(pattern, new, text, flags=re.M)
    assert count == 1, f"deploy/nginx.conf no longer has the line {pattern!r} the tests replace"
    return text


def server_block(site: Path, csp_map: Path, port: int) -> str:
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    conf = _replace(conf, r"^    listen 80;$", f"    listen 127.0.0.1:{port};")
    conf = _replace(conf, r"^    listen \[::\]:80;\n", "")
    conf = _replace(conf, r"^    root /var/www/icp;$", f"    root {site};")
    return _replace(conf, r"^include /etc/nginx/icp-csp.conf;$", f"include {csp_map};")


class Nginx:
    def __init__(self, site: Path, work: Path, pages: Path | None = None):
        """Serve `site`; the CSP map is made from the built pages in `pages`
        (default: `site`; a bench serves a folder of links to a site's files)."""
        from generator.csp import nginx_map
        if not (Path(NGINX).is_file() and BROTLI_MODULE.is_file()):
            raise RuntimeError(f"nginx with the Brotli module is not installed; {INSTALL}")
        self.work = Path(work)
        self.work.mkdir(parents=True, exist_ok=True)
        (self.work / "csp.conf").write_text(nginx_map(pages or site), encoding="utf-8")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        temp = "\n".join(f"    {kind}_temp_path {self.work / kind};"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        # Workers of a root master would drop to `nobody`, who cannot read a test's private folders.
        user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
        (self.work / "nginx.conf").write_text(
            f"load_module {BROTLI_MODULE};\n{user}daemon off;\nworker_processes 1;\n"
            f"pid {self.work / 'nginx.pid'};\nerror_log {self.work / 'error.log'};\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n    access_log off;\n{temp}\n"
            f"{server_block(Path(site).resolve(), self.work / 'csp.conf', self.port)}\n}}\n",
            encoding="utf-8")
        self.process = None
        self.start()

    def start(self) -> None:
        args = [NGINX, "-p", str(self.work), "-e", str(self.work / "error.log"), "-c", str(self.work / "nginx.conf")]
        check = subprocess.run(args + ["-t", "-q"], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(self.url + "/", timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start:\n" + (self.work / "error.log").read_text())
                time.sleep(0.05)

    def stop(self) -> None:
        """Stop this nginx (its own process only), and wait until it has gone."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
