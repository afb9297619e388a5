#!/usr/bin/env python3
"""The capture scenarios: one function each. run.sh runs one inside its own
network namespace (tcpdump on lo, drops captured on nflog:7):

    python3 scenarios.py NAME EVENTS.jsonl SS.txt   # run it
    python3 scenarios.py --limit NAME                # its time limit in seconds
    python3 scenarios.py --list                      # names and descriptions

A scenario sets its sysctls and nftables drop rules, runs real sockets on
127.0.0.1 (server port 5000), logs what the applications saw (tt.Run.log)
and, where states or queues matter, `ss` snapshots. Its docstring is the
fixture's description.
"""
import socket
import sys
import time

import tt
from tt import HOST, SERVER_PORT as PORT, connect, drop_rules, first

SCENARIOS = {}


def scenario(limit, sysctls=None, nft=None):
    def deco(f):
        SCENARIOS[f.__name__.replace("_", "-")] = dict(fn=f, limit=limit, sysctls=sysctls or {}, nft=nft)
        return f
    return deco


SYN = "tcp flags & (syn|ack) == syn"
SYNACK = "tcp flags & (syn|ack) == syn|ack"
TO_SERVER = f"tcp dport {PORT}"
FROM_SERVER = f"tcp sport {PORT}"


# 1. SYN retransmission ------------------------------------------------------

def _syn_all_dropped(run):
    c = tt.client()
    connect(run, c)
    c.close()


@scenario(limit=200, nft=drop_rules(f"{TO_SERVER} {SYN}"))
def syn_retries_default(run):
    """Every SYN the client sends is lost (default sysctls: tcp_syn_retries=6, tcp_syn_linear_timeouts=4). The client's connect() blocks until it fails."""
    _syn_all_dropped(run)


@scenario(limit=60, sysctls={"net.ipv4.tcp_syn_retries": 2}, nft=drop_rules(f"{TO_SERVER} {SYN}"))
def syn_retries_2(run):
    """Every SYN is lost, with tcp_syn_retries=2 (tcp_syn_linear_timeouts=4 still in force)."""
    _syn_all_dropped(run)


@scenario(limit=200, sysctls={"net.ipv4.tcp_syn_linear_timeouts": 0}, nft=drop_rules(f"{TO_SERVER} {SYN}"))
def syn_retries_exponential(run):
    """Every SYN is lost, tcp_syn_retries=6 and tcp_syn_linear_timeouts=0: the textbook doubling (what kernels before 6.5 did)."""
    _syn_all_dropped(run)


# 2. The lost SYN-ACK --------------------------------------------------------

@scenario(limit=15, nft=drop_rules(f"{FROM_SERVER} {SYNACK} {first()}"))
def synack_lost(run):
    """The server's first SYN-ACK is lost. The client's connect() waits; both sides retransmit. Then the server accepts, the client closes, the server closes."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    t = tt.thread(connect, run, c)
    time.sleep(0.5)
    run.ss("0.5 s after connect(): the client in SYN-SENT, the server's request in SYN-RECV")
    t.join()
    time.sleep(0.1)
    a, _ = l.accept()
    run.log("server", "accepted")
    run.ss("after accept()", "-tani")
    time.sleep(0.5)
    c.close()
    run.log("client", "close")
    time.sleep(0.1)
    a.close()
    run.log("server", "close")
    time.sleep(0.3)
    l.close()


def _synack_never_arrives(run, raw):
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    if raw:
        tt.raw_syn("127.0.0.2", 40000)
        run.log("spoofer", "raw-syn", src="127.0.0.2", port=40000)
    else:
        c = tt.client()
        t = tt.thread(connect, run, c)
    # watch the request in the SYN queue (ss lists it as SYN-RECV) once a second
    seen = False
    start = time.time()
    while time.time() - start < (120 if raw else 150):
        out = __import__("subprocess").run(["ss", "-tan", "state", "syn-recv"], capture_output=True, text=True).stdout
        now = len(out.strip().split("\n")) > 1
        if seen and not now:
            run.log("server", "request-gone")
            run.ss("the request has left the SYN queue")
            break
        seen = seen or now
        time.sleep(0.05)
    if not raw:
        t.join(timeout=5)
    time.sleep(1)
    l.close()


@scenario(limit=150, sysctls={"net.ipv4.tcp_synack_retries": 5}, nft=drop_rules(f"{FROM_SERVER} {SYNACK}"))
def synack_retries_5(run):
    """One SYN (a raw socket from 127.0.0.2:40000, so no SYN is ever repeated) reaches a listener; every SYN-ACK is lost. tcp_synack_retries=5: the SYN-ACK retransmissions until the request is dropped (ss polled every 50 ms)."""
    _synack_never_arrives(run, raw=True)


@scenario(limit=180, sysctls={"net.ipv4.tcp_synack_retries": 5}, nft=drop_rules(f"{FROM_SERVER} {SYNACK}"))
def synack_retries_5_client(run):
    """As synack-retries-5, but the SYN comes from a real client whose connect() keeps retransmitting it (default tcp_syn_retries=6): every client SYN that reaches the request is answered with a SYN-ACK."""
    _synack_never_arrives(run, raw=False)


# 3. The lost third ACK ------------------------------------------------------

PURE_ACK = "tcp flags & (syn|ack|fin|rst|psh) == ack"


def _ack3_lost(run, data):
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    connect(run, c)
    if data:
        tt.send_log(run, c, "client", 100)
    time.sleep(0.3)
    run.ss("0.3 s after connect() returned", "-tan")
    a, peer = l.accept()  # blocks until the request becomes a connection
    run.log("server", "accepted", port=peer[1])
    if data:
        tt.recv_log(run, a, "server")
    time.sleep(0.5)
    c.close()
    run.log("client", "close", port=peer[1])
    time.sleep(0.1)
    a.close()
    run.log("server", "close", port=peer[1])
    time.sleep(0.3)


@scenario(limit=15, nft=drop_rules(f"{TO_SERVER} {PURE_ACK} {first()}"))
def ack3_lost(run):
    """The client's ACK that completes the handshake is lost, and the client sends nothing after connect(). The server's accept() waits."""
    _ack3_lost(run, data=False)


@scenario(limit=15, nft=drop_rules(f"{TO_SERVER} {PURE_ACK} {first()}"))
def ack3_lost_data(run):
    """The client's third ACK is lost, and the client writes 100 bytes right after connect() returns."""
    _ack3_lost(run, data=True)


# 6. Listener queues ---------------------------------------------------------

def _accept_queue_overflow(run):
    l = tt.listener(backlog=1)
    run.log("server", "listen", port=PORT, backlog=1)
    run.ss("listener alone: Send-Q is the backlog", "-ltn")
    clients, threads = {}, []
    for name, port in [("A", 41001), ("C", 41003), ("B", 41002), ("D", 41004)]:
        c = tt.client(bind_port=port)
        clients[name] = c
        run.log("client", f"client {name} connects", port=port)
        threads.append(tt.thread(connect, run, c))
        time.sleep(0.2)
    run.ss("0.8 s: A and B in the accept queue, C's ACK lost, D's SYN dropped", "-tan")
    run.ss("0.8 s: the listener's queue", "-ltn")
    time.sleep(1.0)
    run.ss("1.8 s", "-tan")
    time.sleep(6.2)
    run.ss("8 s, before accept()", "-tan")
    l.settimeout(0.5)
    accepted = []
    end = time.time() + 6
    while time.time() < end:
        try:
            a, peer = l.accept()
            accepted.append(a)
            run.log("server", "accepted", port=peer[1])
        except socket.timeout:
            pass
    run.ss("14 s, after accepting for 6 s", "-tan")
    for name, c in clients.items():
        try:
            c.send(b"x" * 10)
            run.log("client", "send", bytes=10, port=c.getsockname()[1])
        except OSError as e:
            run.log("client", "send-failed", error=tt.errname(e), port=c.getsockname()[1])
    time.sleep(0.5)
    for c in clients.values():
        c.close()
    for a in accepted:
        a.close()
    time.sleep(0.3)


OVERFLOW_NFT = drop_rules(f"tcp sport 41003 {PURE_ACK} {first()}")


@scenario(limit=40, nft=OVERFLOW_NFT)
def accept_queue_overflow(run):
    """listen(backlog=1), the application does not call accept() for 8 s. Client A connects (t=0), client C (t=0.2) whose first ACK is lost, client B (t=0.4), client D (t=0.6). Then accept() in a loop for 6 s, each client writes 10 bytes, all close. tcp_abort_on_overflow=0."""
    _accept_queue_overflow(run)


@scenario(limit=40, sysctls={"net.ipv4.tcp_abort_on_overflow": 1}, nft=OVERFLOW_NFT)
def accept_queue_overflow_abort(run):
    """As accept-queue-overflow, with tcp_abort_on_overflow=1."""
    _accept_queue_overflow(run)


@scenario(limit=10, sysctls={"net.core.somaxconn": 2})
def somaxconn(run):
    """net.core.somaxconn=2 and listen(128): the backlog in force is 2. Four clients connect, 0.1 s apart; nobody accepts."""
    l = tt.listener(backlog=128)
    run.log("server", "listen", port=PORT, backlog=128)
    run.ss("listener: Send-Q is min(backlog, somaxconn)", "-ltn")
    cs = []
    for i in range(4):
        c = tt.client(bind_port=41001 + i)
        cs.append(c)
        tt.thread(connect, run, c)
        time.sleep(0.1)
    time.sleep(0.5)
    run.ss("0.9 s: three connections queued (backlog + 1), the fourth in SYN-SENT", "-tan")
    run.ss("0.9 s: the listener's queue", "-ltn")
    for c in cs:
        linger0 = tt.linger0(c)
        c.close()
    time.sleep(0.3)


# 8. TIME-WAIT ---------------------------------------------------------------

def _exchange(run, l, c, cport=None):
    """connect, 100 bytes each way; returns the server's accepted socket."""
    connect(run, c)
    a, peer = l.accept()
    run.log("server", "accepted", port=peer[1])
    tt.send_log(run, c, "client", 100)
    tt.recv_log(run, a, "server")
    tt.send_log(run, a, "server", 100)
    tt.recv_log(run, c, "client")
    return a


def _close_server_first(run, a, c):
    port = c.getsockname()[1]
    a.close()
    run.log("server", "close", port=port)
    time.sleep(0.1)
    c.close()
    run.log("client", "close", port=port)
    time.sleep(0.1)


@scenario(limit=15)
def tw_syn_reuse(run):
    """The server closes first, so its connection socket is in TIME-WAIT. 1 s later the client connects again from the same port (SO_REUSEADDR, bind 41000): the new SYN meets the TIME-WAIT socket. Then both close."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client(bind_port=41000, reuse=True)
    a = _exchange(run, l, c)
    _close_server_first(run, a, c)
    run.ss("server's socket in TIME-WAIT (timer)", "-tano")
    time.sleep(1)
    c = tt.client(bind_port=41000, reuse=True)
    a = _exchange(run, l, c)
    run.ss("the new connection", "-tano")
    c.close()
    run.log("client", "close", port=41000)
    time.sleep(0.1)
    a.close()
    run.log("server", "close", port=41000)
    time.sleep(0.3)


def _tw_reuse_outgoing(run, bind):
    """The client closes first (TIME-WAIT on its port), then connects again to
    the same server from that port: 0.2 s after the close and, if that failed,
    again 1.5 s after it."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client(bind_port=41000 if bind else None, reuse=bind)
    a = _exchange(run, l, c)
    port = c.getsockname()[1]
    c.close()  # the client closes first: its socket goes to TIME-WAIT
    run.log("client", "close", port=port)
    time.sleep(0.05)
    a.close()
    run.log("server", "close", port=port)
    time.sleep(0.1)
    run.ss("the client's socket in TIME-WAIT (timer)", "-tano")
    t_close = time.time()
    for delay in (0.2, 1.5):
        time.sleep(max(0, t_close + delay - time.time()))
        c = tt.client(bind_port=41000 if bind else None, reuse=bind)
        r = connect(run, c)
        if r["event"] == "connected":
            a, peer = l.accept()
            run.log("server", "accepted", port=peer[1])
            run.ss("the new connection", "-tano")
            c.close()
            run.log("client", "close", port=peer[1])
            time.sleep(0.05)
            a.close()
            run.log("server", "close", port=peer[1])
            break
        c.close()
    time.sleep(0.3)


ONE_PORT = {"net.ipv4.ip_local_port_range": "41000 41000"}


@scenario(limit=15, sysctls={**ONE_PORT, "net.ipv4.tcp_tw_reuse": 0})
def tw_reuse_0(run):
    """ip_local_port_range is the one port 41000. The client connects (port 41000), closes first (TIME-WAIT), then calls connect() again without bind(): 0.2 s after its close and, if that failed, 1.5 s after it. tcp_tw_reuse=0."""
    _tw_reuse_outgoing(run, bind=False)


@scenario(limit=15, sysctls={**ONE_PORT, "net.ipv4.tcp_tw_reuse": 1})
def tw_reuse_1(run):
    """As tw-reuse-0 with tcp_tw_reuse=1 (tcp_tw_reuse_delay=1000 ms)."""
    _tw_reuse_outgoing(run, bind=False)


@scenario(limit=15, sysctls={**ONE_PORT, "net.ipv4.tcp_tw_reuse": 2})
def tw_reuse_2(run):
    """As tw-reuse-0 with tcp_tw_reuse=2 (the default: reuse for loopback connections only)."""
    _tw_reuse_outgoing(run, bind=False)


@scenario(limit=15, sysctls={"net.ipv4.tcp_tw_reuse": 0})
def tw_reuse_bind(run):
    """The client binds port 41000 (SO_REUSEADDR), connects, closes first (TIME-WAIT), then binds 41000 again and connects to the same server 0.2 s later. tcp_tw_reuse=0."""
    _tw_reuse_outgoing(run, bind=True)


@scenario(limit=120)
def tw_length(run):
    """The client closes first; its TIME-WAIT socket is watched (ss -tano every 0.1 s) until it is gone."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    a = _exchange(run, l, c)
    port = c.getsockname()[1]
    c.close()
    run.log("client", "close", port=port)
    a.close()
    run.log("server", "close", port=port)
    time.sleep(0.1)
    run.ss("TIME-WAIT", "-tano")
    import subprocess
    t0, every = time.time(), 10
    while True:
        out = subprocess.run(["ss", "-tan", "state", "time-wait"], capture_output=True, text=True).stdout
        if len(out.strip().split("\n")) < 2:
            run.log("client", "time-wait gone", port=port)
            break
        if time.time() - t0 > every:
            run.ss(f"{every} s after the close", "-tano")
            every += 10
        time.sleep(0.1)


@scenario(limit=10)
def tw_listener_restart(run):
    """The server closes first (a TIME-WAIT socket on port 5000), then closes its listener and opens a new one on port 5000: bind() without SO_REUSEADDR, then with it. A client connects to the new listener."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    a = _exchange(run, l, c)
    _close_server_first(run, a, c)
    l.close()
    run.log("server", "close listener")
    run.ss("TIME-WAIT on port 5000, no listener", "-tano")
    for reuse in (False, True):
        try:
            l = tt.listener(reuse=reuse)
            run.log("server", "bind+listen", reuse=reuse, ok=True)
            break
        except OSError as e:
            run.log("server", "bind-failed", reuse=reuse, error=tt.errname(e))
    c = tt.client()
    connect(run, c)
    c.close()
    time.sleep(0.3)


def _tw_rst(run):
    sn = tt.Sniffer()
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client(bind_port=41000, reuse=True)
    a = _exchange(run, l, c)
    _close_server_first(run, a, c)
    run.ss("the server's socket in TIME-WAIT", "-tano")
    last = sn.last(41000, PORT)  # the client's last segment (its FIN)
    seq = last["seq"] + last["len"] + (last["flags"] & 1)  # what the TIME-WAIT socket expects next
    time.sleep(0.5)
    tt.raw_segment(HOST, 41000, HOST, PORT, seq, 0, "R")
    run.log("client", "raw RST in window", port=41000, seq_abs=seq)
    time.sleep(0.2)
    run.ss("0.2 s after the RST", "-tano")
    sn.close()


@scenario(limit=10, sysctls={"net.ipv4.tcp_rfc1337": 0})
def tw_rst_rfc1337_0(run):
    """The server closes first (TIME-WAIT); 0.5 s later an RST with the expected seq (a raw segment from the client's address and port) reaches the TIME-WAIT socket. tcp_rfc1337=0."""
    _tw_rst(run)


@scenario(limit=10, sysctls={"net.ipv4.tcp_rfc1337": 1})
def tw_rst_rfc1337_1(run):
    """As tw-rst-rfc1337-0 with tcp_rfc1337=1."""
    _tw_rst(run)


# 4. Lost FINs ---------------------------------------------------------------

def _close_with_loss(run, rule, server_close_delay=0.0):
    """Data both ways, then the client closes; `rule` (armed just before the
    client's close) loses one segment of the close."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    a = _exchange(run, l, c)
    port = c.getsockname()[1]
    time.sleep(0.2)
    tt.nft(drop_rules(rule))
    c.close()
    run.log("client", "close", port=port)
    tt.recv_log(run, a, "server")  # EOF
    time.sleep(server_close_delay)
    a.close()
    run.log("server", "close", port=port)
    time.sleep(2.5)
    run.ss("end", "-tano")


@scenario(limit=15)
def fin_lost(run):
    """Data both ways, then the client closes: its FIN is lost. The server closes when it reads EOF."""
    _close_with_loss(run, f"{TO_SERVER} tcp flags & fin == fin {first()}")


@scenario(limit=15)
def fin_ack_lost(run):
    """Data both ways, then the client closes; the server's ACK of that FIN (a pure ACK: the server closes 0.5 s later) is lost."""
    _close_with_loss(run, f"{FROM_SERVER} {PURE_ACK} {first()}", server_close_delay=0.5)


@scenario(limit=15)
def fin2_lost(run):
    """Data both ways, then the client closes; the server closes 0.5 s later and its FIN (the second FIN) is lost."""
    _close_with_loss(run, f"{FROM_SERVER} tcp flags & fin == fin {first()}", server_close_delay=0.5)


@scenario(limit=15)
def last_ack_lost(run):
    """Data both ways, the client closes, the server closes 0.5 s later; the client's ACK of the server's FIN (the last segment) is lost."""
    # the client's pure ACKs after its close: the first is the one for the server's FIN
    _close_with_loss(run, f"{TO_SERVER} {PURE_ACK} {first()}", server_close_delay=0.5)


# 7. SYN flood ---------------------------------------------------------------

def _flood(run, port, backlog, spoofed):
    """`spoofed` SYNs from 127.0.0.2 (their SYN-ACKs are dropped: nobody is
    there), then a real client at 0.5 s; the SYN queue length is logged each
    time it changes (ss, every 0.1 s) for 20 s."""
    import subprocess
    before = len(subprocess.run(["dmesg"], capture_output=True, text=True).stdout.split("\n"))
    l = tt.listener(port=port, backlog=backlog)
    run.log("server", "listen", port=port, backlog=backlog)
    for i in range(spoofed):
        tt.raw_syn("127.0.0.2", 40001 + i, dport=port, seq=1000 * (i + 1))
    run.log("spoofer", f"{spoofed} raw SYNs from 127.0.0.2:40001-{40000 + spoofed}")
    time.sleep(0.5)
    c = tt.client(bind_port=41000)
    t = tt.thread(connect, run, c, "client", port)
    last, start = None, time.time()
    while time.time() - start < 20:
        out = subprocess.run(["ss", "-tan", "state", "syn-recv"], capture_output=True, text=True).stdout
        n = len(out.strip().split("\n")) - 1
        if n != last:
            run.log("server", "syn-queue", length=n)
            last = n
        time.sleep(0.1)
    run.ss("end: the listener (Recv-Q: accept queue)", "-ltn")
    lines = subprocess.run(["dmesg"], capture_output=True, text=True).stdout.split("\n")[before - 1:]
    run.log("kernel", "dmesg", lines=[l for l in lines if "SYN flooding" in l and f":{port}" in l])
    c.close()


FLOOD_NFT = drop_rules("ip daddr 127.0.0.2")


@scenario(limit=40, sysctls={"net.ipv4.tcp_syncookies": 0, "net.ipv4.tcp_max_syn_backlog": 16}, nft=FLOOD_NFT)
def flood_cookies_0(run):
    """listen(backlog=8) on port 5010, tcp_syncookies=0, tcp_max_syn_backlog=16: 12 spoofed SYNs from 127.0.0.2 (no SYN-ACK ever reaches a host), then a real client's connect() at 0.5 s."""
    _flood(run, 5010, 8, 12)


@scenario(limit=40, sysctls={"net.ipv4.tcp_syncookies": 1, "net.ipv4.tcp_max_syn_backlog": 16}, nft=FLOOD_NFT)
def flood_cookies_1(run):
    """As flood-cookies-0 (port 5011) with tcp_syncookies=1 (the default: cookies when the SYN queue is full)."""
    _flood(run, 5011, 8, 12)


@scenario(limit=40, sysctls={"net.ipv4.tcp_syncookies": 2, "net.ipv4.tcp_max_syn_backlog": 16}, nft=FLOOD_NFT)
def flood_cookies_2(run):
    """As flood-cookies-0 (port 5012) with tcp_syncookies=2 (cookies always)."""
    _flood(run, 5012, 8, 12)


@scenario(limit=40, sysctls={"net.ipv4.tcp_syncookies": 0, "net.ipv4.tcp_max_syn_backlog": 16}, nft=FLOOD_NFT)
def flood_max_syn_backlog(run):
    """listen(backlog=64) on port 5013, tcp_syncookies=0, tcp_max_syn_backlog=16: 16 spoofed SYNs, then a real client at 0.5 s. What tcp_max_syn_backlog does when the backlog is larger."""
    _flood(run, 5013, 64, 16)


# 5. A lost data segment -----------------------------------------------------

DATA100 = f"{TO_SERVER} ip length 152"  # 20 IP + 32 TCP (with timestamps) + 100
DATA1000 = f"{TO_SERVER} ip length 1052"


def _send_after_handshake(run, writes, size, wait=3):
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connect(run, c)
    a, peer = l.accept()
    run.log("server", "accepted", port=peer[1])
    time.sleep(0.1)
    for _ in range(writes):
        c.send(b"x" * size)
    run.log("client", f"{writes} x send({size})", port=peer[1])
    got = 0
    a.settimeout(wait)
    try:
        while got < writes * size:
            got += len(a.recv(65536))
        run.log("server", "read all", bytes=got, port=peer[1])
    except socket.timeout:
        run.log("server", "read timed out", bytes=got, port=peer[1])
    time.sleep(0.3)
    c.close()
    a.close()
    time.sleep(0.3)


@scenario(limit=15, nft=drop_rules(f"{DATA100} {first()}"))
def data_tail_lost(run):
    """After the handshake the client writes 100 bytes, its only data; that segment is lost."""
    _send_after_handshake(run, 1, 100)


@scenario(limit=15, nft=drop_rules(f"{DATA100} {first(2)}"))
def data_lost_twice(run):
    """The client's only 100-byte segment is lost, and so is its first retransmission."""
    _send_after_handshake(run, 1, 100)


@scenario(limit=15, nft=drop_rules(f"{DATA1000} numgen inc mod 1000000000 == 1"))
def data_lost_in_flight(run):
    """The client writes 10 x 1000 bytes (TCP_NODELAY) back to back; the second segment is lost."""
    _send_after_handshake(run, 10, 1000)


# 9. Keepalive ---------------------------------------------------------------

def _keepalive(run, dead):
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 2)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
    run.log("client", "SO_KEEPALIVE, TCP_KEEPIDLE=2, TCP_KEEPINTVL=1, TCP_KEEPCNT=3")
    connect(run, c)
    a, peer = l.accept()
    if dead:
        time.sleep(0.5)
        tt.nft(drop_rules(f"tcp sport {PORT}", f"tcp dport {PORT}"))
        run.log("server", "gone (every segment to or from port 5000 dropped from now on)")
    c.settimeout(9)
    tt.recv_log(run, c, "client")
    run.ss("end", "-tano")
    c.close()
    a.close()
    time.sleep(0.3)


@scenario(limit=20)
def keepalive_alive(run):
    """The client sets SO_KEEPALIVE with TCP_KEEPIDLE=2 s, TCP_KEEPINTVL=1 s, TCP_KEEPCNT=3 and waits in recv() (9 s); the server is there but sends nothing."""
    _keepalive(run, dead=False)


@scenario(limit=20)
def keepalive_dead(run):
    """As keepalive-alive, but 0.5 s after the handshake the server is gone: every segment to or from it is dropped."""
    _keepalive(run, dead=True)


# 10. Ends of a peer ---------------------------------------------------------

def _killed(run, unread):
    import os
    import signal
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the server process: accept, then wait to be killed
        a, _ = l.accept()
        os.write(w, b"!")
        time.sleep(30)
        os._exit(0)
    c = tt.client()
    connect(run, c)
    os.read(r, 1)
    port = c.getsockname()[1]
    run.log("server", "accepted (in a child process)", port=port)
    if unread:
        tt.send_log(run, c, "client", 100)
    time.sleep(0.3)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    run.log("server", "process killed (SIGKILL)", port=port)
    c.settimeout(2)
    tt.recv_log(run, c, "client")
    time.sleep(0.2)
    tt.send_log(run, c, "client", 10)
    time.sleep(0.2)
    tt.send_log(run, c, "client", 10)
    c.close()
    run.log("client", "close", port=port)
    l.close()
    time.sleep(0.3)


@scenario(limit=10)
def kill_idle(run):
    """The server's process is killed (SIGKILL) 0.3 s after accepting, with nothing unread. The client reads, then writes twice, then closes."""
    _killed(run, unread=False)


@scenario(limit=10)
def kill_unread(run):
    """As kill-idle, but the client wrote 100 bytes the server never read before the kill."""
    _killed(run, unread=True)


def _power_off(run, orphan=False):
    import subprocess
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    connect(run, c)
    a, peer = l.accept()
    port = peer[1]
    tt.send_log(run, c, "client", 100)
    tt.recv_log(run, a, "server")
    time.sleep(0.3)
    tt.nft(drop_rules(f"tcp sport {PORT}", f"tcp dport {PORT}"))
    run.log("server", "powered off (every segment to or from port 5000 dropped from now on)", port=port)
    time.sleep(0.2)
    tt.send_log(run, c, "client", 100)
    if orphan:
        c.close()
        run.log("client", "close (the socket is orphaned)", port=port)
        run.ss("just after close()", "-tano")
        while True:  # until the orphan is gone from the client's side
            out = subprocess.run(["ss", "-tan", "sport", f"= :{port}"], capture_output=True, text=True).stdout
            if len(out.strip().split("\n")) < 2:
                run.log("client", "orphan gone", port=port)
                break
            time.sleep(0.05)
    else:
        c.settimeout(60)
        tt.recv_log(run, c, "client")
    run.ss("end", "-tano")


@scenario(limit=30, sysctls={"net.ipv4.tcp_retries2": 3})
def poweroff_retries2_3(run):
    """Established, 100 bytes exchanged; then the server host powers off (every segment to or from it is dropped). The client writes 100 bytes and waits in recv(). tcp_retries2=3."""
    _power_off(run)


@scenario(limit=40, sysctls={"net.ipv4.tcp_retries2": 5})
def poweroff_retries2_5(run):
    """As poweroff-retries2-3 with tcp_retries2=5."""
    _power_off(run)


@scenario(limit=40, sysctls={"net.ipv4.tcp_orphan_retries": 2})
def poweroff_orphan(run):
    """As poweroff-retries2-3 (tcp_retries2=15, the default), but the client closes right after its write: the orphaned socket (FIN-WAIT-1, data and FIN unacked) retries until tcp_orphan_retries=2 gives up."""
    _power_off(run, orphan=True)


@scenario(limit=10)
def reboot(run):
    """The server host 'reboots': its connection socket disappears without a word (an abortive close whose RST is lost, listener closed too), then the network is back. The client writes 100 bytes."""
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    connect(run, c)
    a, peer = l.accept()
    port = peer[1]
    time.sleep(0.2)
    tt.nft(drop_rules(f"tcp sport {PORT} tcp flags & rst == rst"))
    tt.linger0(a)
    a.close()
    l.close()
    run.log("server", "reboot: sockets gone (their RST lost)", port=port)
    time.sleep(0.3)
    tt.nft("flush table inet tt\n")
    run.log("server", "back up (no listener)")
    tt.send_log(run, c, "client", 100)
    c.settimeout(2)
    tt.recv_log(run, c, "client")
    c.close()
    time.sleep(0.3)


# 11. Data and FIN in one segment; a SYN on an established connection --------

def _fin_with_data(run, how):
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client()
    connect(run, c)
    a, peer = l.accept()
    port = peer[1]
    time.sleep(0.1)
    if how == "cork":
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
        c.send(b"x" * 100)
        run.log("client", "TCP_CORK on, send(100)", port=port)
    else:
        c.send(b"x" * 100, socket.MSG_MORE)
        run.log("client", "send(100, MSG_MORE)", port=port)
    c.close()
    run.log("client", "close", port=port)
    tt.recv_log(run, a, "server")
    tt.recv_log(run, a, "server")
    a.close()
    run.log("server", "close", port=port)
    time.sleep(0.3)


@scenario(limit=10)
def fin_with_data_cork(run):
    """After the handshake the client sets TCP_CORK, writes 100 bytes and closes at once. The server reads, reads EOF, closes."""
    _fin_with_data(run, "cork")


@scenario(limit=10)
def fin_with_data_msg_more(run):
    """As fin-with-data-cork, but the 100 bytes are written with send(MSG_MORE)."""
    _fin_with_data(run, "more")


@scenario(limit=10)
def syn_on_established(run):
    """Established (100 bytes each way). Then two raw SYNs from the client's address and port reach the server: one with a sequence number far outside the window (t+0.3 s), one exactly at the server's rcv_nxt (t+0.9 s). Then both close."""
    sn = tt.Sniffer()
    l = tt.listener()
    run.log("server", "listen", port=PORT)
    c = tt.client(bind_port=41000)
    a = _exchange(run, l, c)
    time.sleep(0.3)
    last = sn.last(41000, PORT)
    rcv_nxt = last["seq"] + last["len"]
    tt.raw_segment(HOST, 41000, HOST, PORT, rcv_nxt + 100000000, 0, "S")
    run.log("client", "raw SYN, seq far out of window", port=41000, seq_abs=rcv_nxt + 100000000)
    time.sleep(0.6)
    tt.raw_segment(HOST, 41000, HOST, PORT, rcv_nxt, 0, "S")
    run.log("client", "raw SYN, seq = the server's rcv_nxt", port=41000, seq_abs=rcv_nxt)
    time.sleep(0.3)
    run.ss("after the SYNs", "-tan")
    c.close()
    run.log("client", "close", port=41000)
    time.sleep(0.1)
    a.close()
    run.log("server", "close", port=41000)
    sn.close()
    time.sleep(0.3)


def main():
    if sys.argv[1] == "--list":
        for n, s in SCENARIOS.items():
            print(f"{n}\t{s['limit']}s\t{s['fn'].__doc__}")
        return
    if sys.argv[1] == "--limit":
        print(SCENARIOS[sys.argv[2]]["limit"])
        return
    if sys.argv[1] == "--describe":
        print(" ".join(SCENARIOS[sys.argv[2]]["fn"].__doc__.split()))
        return
    name, events, ss = sys.argv[1:4]
    s = SCENARIOS[name]
    import faulthandler
    faulthandler.dump_traceback_later(s["limit"] - 1)  # where it hangs, if it does
    run = tt.Run(events, ss)
    run.sysctls(s["sysctls"])
    if s["nft"]:
        tt.nft(s["nft"])
    run.log("kernel", "uname", release=__import__("os").uname().release)
    run.record_sysctls(s["sysctls"].keys())
    try:
        s["fn"](run)
        time.sleep(0.3)
    finally:
        run.counters()


if __name__ == "__main__":
    main()
