#!/usr/bin/env python3
"""pricing_server.py - a small HTTP server for `costplan pricing fetch` tests.

Serves a directory tree laid out like the AWS Price List Bulk API
(/offers/v1.0/aws/index.json, <offer>/current/region_index.json,
<offer>/<version>/<region>/index.csv) on 127.0.0.1, with ETag and
Last-Modified validators (304 on If-None-Match / If-Modified-Since), and
injects faults read from ROOT/_faults.json on every request:

  { "/offers/v1.0/aws/AmazonECS/v1/eu-central-1/index.csv": "500x2" }

  500xN / 503xN   that status N times, then normal service ("503" alone: forever)
  404             always 404
  drop[xN]        send the headers and half the body, then close
  short[xN]       announce a Content-Length 1000 bytes longer than the body
  stall[xN]       send half the body, then stall (STALL seconds) and close
  cut[xN]         no Content-Length: send half the body, then close (a clean EOF)

Counters are per (path, fault), so rewriting the file resets them. Each
request is logged to LOG as "GET <path> <status>". The server exits by
itself after LIFETIME seconds, whatever happens to the test.

  pricing_server.py ROOT PORTFILE LOG [LIFETIME] [STALL]
"""
import email.utils
import http.server
import json
import os
import socketserver
import sys
import threading
import time

ROOT, PORTFILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
LIFETIME = float(sys.argv[4]) if len(sys.argv) > 4 else 300
STALL = float(sys.argv[5]) if len(sys.argv) > 5 else 10
counts = {}
lock = threading.Lock()


def fault_for(path):
    try:
        with open(os.path.join(ROOT, "_faults.json")) as f:
            spec = json.load(f).get(path)
    except (OSError, ValueError):
        return None
    if not spec:
        return None
    kind, _, times = spec.partition("x")
    with lock:
        n = counts.get((path, spec), 0)
        counts[(path, spec)] = n + 1
    if times and n >= int(times):
        return None
    return kind


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        with lock, open(LOG, "a") as f:
            f.write("GET %s %s\n" % (self.path.split("?")[0], status))

    # each request is logged before its response is sent, so a client that
    # has its answer always finds the line in the log
    def send_status(self, code, body=b""):
        self.log(code)
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        fault = fault_for(path)
        if fault and fault[:1] in "45":
            code = int(fault)
            return self.send_status(code, b"injected %d\n" % code)
        fs = os.path.normpath(os.path.join(ROOT, path.lstrip("/")))
        if not fs.startswith(os.path.abspath(ROOT)) or not os.path.isfile(fs) or "/_" in path:
            return self.send_status(404, b"not found\n")
        st = os.stat(fs)
        etag = '"%x-%x"' % (st.st_size, st.st_mtime_ns)
        lm = email.utils.formatdate(st.st_mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (inm and inm == etag) or (not inm and ims and ims == lm):
            self.log(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", lm)
            self.end_headers()
            return
        size = st.st_size
        self.log("200" + ("-" + fault if fault else ""))
        self.send_response(200)
        if fault == "cut":
            self.send_header("Connection", "close")
        else:
            self.send_header("Content-Length", str(size + (1000 if fault == "short" else 0)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", lm)
        self.send_header("Content-Type", "text/csv" if fs.endswith(".csv") else "application/json")
        self.end_headers()
        limit = size // 2 if fault in ("drop", "stall", "cut") else size
        sent = 0
        with open(fs, "rb") as f:
            while sent < limit:
                chunk = f.read(min(1 << 16, limit - sent))
                if not chunk:
                    break
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return
                sent += len(chunk)
        self.wfile.flush()
        if fault == "stall":
            time.sleep(STALL)
        if fault:
            self.close_connection = True


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # a client that gives up mid-request (costplan's timeouts and
        # retries under the injected faults) is expected: no traceback in
        # the test log; anything else is still reported
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    with open(PORTFILE + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(PORTFILE + ".tmp", PORTFILE)
    threading.Timer(LIFETIME, lambda: os._exit(0)).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()
